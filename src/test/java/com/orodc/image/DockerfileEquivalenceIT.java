package com.orodc.image;

import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/Dockerfile (classic builder, amd64) and jib make the same file tree from the same inputs. */
class DockerfileEquivalenceIT {
    /** What the engine itself puts into every container, or mounts there. */
    private static final Set<String> ENGINE_FILES = Set.of(".dockerenv", "etc/hosts", "etc/hostname", "etc/resolv.conf",
            "etc/mtab", "dev", "proc", "sys");

    private final List<String> images = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    @AfterEach
    void removeWhatWasCreated() {
        containers.forEach(c -> Shell.run("docker", "rm", "-f", c));
        images.forEach(i -> Shell.run("docker", "image", "rm", "-f", i));
    }

    @Test
    void classicBuildAndJibGiveTheSameFileTree(@TempDir Path work, @TempDir Path home) throws IOException {
        Path project = Path.of(System.getProperty("orodc.project.dir", ".")).toAbsolutePath();
        try (OfflineUpstream served = OfflineUpstream.start()) {
            String base = served.base;
            String socks5 = served.socks5;
            images.add(base);
            images.add(socks5);

            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String classic = "orodc-t-image-" + suffix + ":classic";
            String jib = "orodc-t-image-" + suffix + ":jib";
            images.add(classic);
            images.add(jib);

            Shell.Result built = Shell.run(List.of("env", "DOCKER_BUILDKIT=0", "docker", "build", "--network", "host", "--force-rm",
                    "--label", "orodc.test=true",
                    "--build-arg", "BASE_IMAGE=" + base, "--build-arg", "SOCKS5_IMAGE=" + socks5,
                    "--build-arg", "TRAEFIK_VERSION=" + Upstream.TRAEFIK, "--build-arg", "S6_OVERLAY_VERSION=" + Upstream.S6,
                    "--build-arg", "RELEASES=" + served.releases.base(),
                    "-f", project.resolve("docker/Dockerfile").toString(), "-t", classic, project.toString()), null, 300);
            assertThat(built.exitCode()).as("docker build:%n%s%n%s", built.out(), built.err()).isZero();

            served.configure(new InProcessCli(home)).run("proxy-image", "build", "--platform", "linux/amd64", "--to", "docker:" + jib).assertSuccess();

            ImageTree fromDockerfile = exported(classic, work);
            ImageTree fromJib = exported(jib, work);
            Set<String> paths = new TreeSet<>(fromDockerfile.nodes().keySet());
            paths.addAll(fromJib.nodes().keySet());
            paths.removeIf(DockerfileEquivalenceIT::engineFile);
            assertThat(paths).contains("init", "usr/local/bin/traefik", "usr/local/bin/socks5", "command/s6-svscan");
            for (String path : paths) {
                assertThat(fromJib.get(path)).as("/" + path + " from jib").isNotNull();
                assertThat(fromDockerfile.get(path)).as("/" + path + " from the Dockerfile").isNotNull();
                assertThat(fromJib.get(path).signature()).as("/" + path).isEqualTo(fromDockerfile.get(path).signature());
            }
            // without image.env in the Dockerfile a failed init-certs would no longer stop the container
            assertThat(environment(classic)).as("environment of the Dockerfile's image").isEqualTo(environment(jib))
                    .contains("S6_BEHAVIOUR_IF_STAGE2_FAILS=2");
        }
    }

    private static Set<String> environment(String image) {
        String json = Shell.run("docker", "image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", image)
                .orFail().out();
        return new TreeSet<>(json.lines().filter(l -> !l.isBlank()).toList());
    }

    private static boolean engineFile(String path) {
        for (String f : ENGINE_FILES) {
            if (path.equals(f) || path.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The container's whole file system, as {@code docker export} writes it. */
    private ImageTree exported(String image, Path work) {
        String name = "orodc-t-image-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(name);
        Shell.run("docker", "create", "--name", name, "--label", "orodc.test=true", image).orFail();
        Path tar = work.resolve(name + ".tar");
        Shell.run("docker", "export", "-o", tar.toString(), name).orFail();
        return ImageTree.ofLayers(List.of(tar));
    }
}
