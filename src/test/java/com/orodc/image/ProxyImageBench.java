package com.orodc.image;

import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: the benchmark that {@code bench/image/run.sh} runs. Builds the image with the packaged
 * orodc (cold and warm, both platforms) and with {@code docker build} of docker/Dockerfile, from the same
 * local inputs, and writes one table to {@code -Dorodc.bench.out}.
 */
class ProxyImageBench {
    private static final int WARM_RUNS = 3;

    @Test
    void coldAndWarmBuildsSideBySide() throws IOException {
        Path out = Path.of(System.getProperty("orodc.bench.out", "target/bench-image.md")).toAbsolutePath();
        Path project = Path.of(System.getProperty("orodc.project.dir", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("orodc-t-image-bench");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> images = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        String loadBefore = loadAverage();
        try (OfflineUpstream served = OfflineUpstream.start()) {
            images.add(served.base);
            images.add(served.socks5);
            Path home = work.resolve("home");
            PackagedCli cli = served.configure(new PackagedCli(home));
            String target = served.registry.host() + "/orodc-t-image/proxy:";

            if (Boolean.getBoolean("orodc.bench.trace")) {
                cli.run("proxy-image", "build", "--to", target + "trace0").assertSuccess();
                long t0 = System.nanoTime();
                var traced = cli.run("proxy-image", "build", "--verbose", "--to", target + "trace1");
                System.out.println("TRACE total " + (System.nanoTime() - t0) / 1_000_000 + " ms\n" + traced.err().lines()
                        .filter(l -> l.contains(" in ") || l.startsWith("building") || l.startsWith("resolving")).reduce("", (a, b) -> a + b + "\n"));
                return;
            }
            double cold = time(() -> cli.run("proxy-image", "build", "--to", target + "cold").assertSuccess());
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                int n = i;
                warm.add(time(() -> cli.run("proxy-image", "build", "--to", target + "warm" + n).assertSuccess()));
            }
            String jibLocal = "orodc-t-image-bench-" + suffix + ":jib";
            images.add(jibLocal);
            cli.run("proxy-image", "build", "--platform", "linux/amd64", "--to", "docker:" + jibLocal).assertSuccess();
            List<Double> warmDocker = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                warmDocker.add(time(() -> cli.run("proxy-image", "build", "--platform", "linux/amd64", "--to", "docker:" + jibLocal).assertSuccess()));
            }

            String classic = "orodc-t-image-bench-" + suffix + ":classic";
            images.add(classic);
            List<String> dockerBuild = new ArrayList<>(List.of("env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "--network", "host",
                    "--force-rm", "--label", "orodc.test=true",
                    "--build-arg", "BASE_IMAGE=" + served.base, "--build-arg", "SOCKS5_IMAGE=" + served.socks5,
                    "--build-arg", "TRAEFIK_VERSION=" + Upstream.TRAEFIK, "--build-arg", "S6_OVERLAY_VERSION=" + Upstream.S6,
                    "--build-arg", "RELEASES=" + served.releases.base(), "-f", project.resolve("docker/Dockerfile").toString(),
                    "-t", classic));
            double dockerCold = time(() -> Shell.run(plus(dockerBuild, project.toString()), null, 600).orFail());
            List<Double> dockerWarm = new ArrayList<>();
            List<Double> dockerNoCache = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                dockerWarm.add(time(() -> Shell.run(plus(dockerBuild, project.toString()), null, 600).orFail()));
                dockerNoCache.add(time(() -> Shell.run(plus(plus(dockerBuild, "--no-cache"), project.toString()), null, 600).orFail()));
            }

            RegistryApi api = Upstream.registryApi();
            ImageLocation built = ImageLocation.parse(target + "cold");
            report.append("# Proxy image build: jib (orodc) and docker build, same local inputs\n\n");
            report.append("Run ").append(Instant.now().toString(), 0, 10).append(" on ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores, Docker ")
                    .append(Shell.run("docker", "version", "--format", "{{.Server.Version}}").out().strip())
                    .append(". Inputs served from 127.0.0.1 (release server and registry); from-source s6-overlay and SOCKS5 builds, busybox for Traefik and Alpine.\n")
                    .append("orodc runs as the packaged application (JVM start included). Warm figures: median of ")
                    .append(WARM_RUNS).append(" runs. Load average before/after: ").append(loadBefore).append(" / ")
                    .append(loadAverage()).append(" (other work shares the machine: times are indicative).\n\n");
            report.append("| build | platforms | time (s) |\n|---|---|---|\n");
            row(report, "orodc, cold cache, to registry + manifest list", "amd64 + arm64", cold);
            row(report, "orodc, warm cache, to registry + manifest list", "amd64 + arm64", median(warm));
            row(report, "orodc, warm cache, to the local engine", "amd64", median(warmDocker));
            row(report, "docker build (classic), first build, base not pulled", "amd64", dockerCold);
            row(report, "docker build (classic), warm layer cache", "amd64", median(dockerWarm));
            row(report, "docker build (classic), --no-cache, base pulled", "amd64", median(dockerNoCache));
            report.append("\n| image | compressed size (bytes) |\n|---|---|\n");
            RegistryApi.Manifest list = api.manifest(built, "cold");
            for (var entry : list.json().path("manifests")) {
                RegistryApi.Manifest m = api.manifest(built, entry.path("digest").asText());
                long size = m.json().path("config").path("size").asLong();
                for (var layer : m.json().path("layers")) {
                    size += layer.path("size").asLong();
                }
                report.append("| orodc ").append(entry.path("platform").path("architecture").asText()).append(" | ").append(size).append(" |\n");
            }
            report.append("\n| image in the engine | size (bytes) |\n|---|---|\n");
            for (String image : List.of(jibLocal, classic)) {
                report.append("| ").append(image.endsWith(":jib") ? "orodc amd64" : "docker build amd64").append(" | ")
                        .append(Shell.run("docker", "image", "inspect", "-f", "{{.Size}}", image).orFail().out().strip()).append(" |\n");
            }
        } finally {
            images.forEach(i -> Shell.run("docker", "image", "rm", "-f", i));
            Shell.run("rm", "-rf", work.toString());
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static void row(StringBuilder report, String what, String platforms, double seconds) {
        report.append("| ").append(what).append(" | ").append(platforms).append(" | ").append(String.format("%.1f", seconds)).append(" |\n");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
