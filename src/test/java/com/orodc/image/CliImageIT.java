package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.ComponentVersions;
import com.orodc.testing.CliResult;
import com.orodc.testing.ContainerCli;
import com.orodc.testing.LocalJreImage;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a container image, built by the {@code cli-image} Maven profile (Quarkus's Jib extension) into the
 * local engine on a JRE made here ({@link LocalJreImage}: no registry pull), then run as README says: the version,
 * proxy-status through the mounted socket, and a proxy image built inside the container from the offline fixtures.
 * The build runs in a copy of the project, so this test's own packaged application stays as it is.
 */
class CliImageIT {
    private static final Path ROOT = Path.of(System.getProperty("orodc.project.dir", "")).toAbsolutePath();
    private static final List<String> PROJECT = List.of("pom.xml", "mvnw", ".mvn", "src/main", "src/build", "s6-rc.d", "s6-overlay",
            "traefik", "docker");
    private static final String SOCKET = "/var/run/docker.sock";
    private static final String IMAGE = "orodc-t-cli-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
    private static final String SOURCE = "https://example.test/orodc";

    @TempDir
    Path home;

    @BeforeAll
    static void buildTheImage() throws IOException {
        String base = LocalJreImage.build();
        Path copy = Files.createTempDirectory("orodc-t-cli-project");
        try {
            for (String part : PROJECT) {
                Files.createDirectories(copy.resolve(part).getParent());
                Shell.run("cp", "-R", ROOT.resolve(part).toString(), copy.resolve(part).toString()).orFail();
            }
            List<String> mvn = new ArrayList<>(List.of("./mvnw", "-o", "-B", "-q", "package", "-Pcli-image",
                    "-Dmaven.test.skip=true", "-Dorodc.cli.image.base=docker://" + base,
                    "-Dorodc.cli.image.platforms=linux/amd64", "-Dorodc.cli.image=" + IMAGE,
                    "-Dquarkus.container-image.labels.\"org.opencontainers.image.source\"=" + SOURCE,
                    "-Dquarkus.container-image.labels.\"org.opencontainers.image.revision\"=0123abc"));
            Shell.run(mvn, copy, 600).orFail();
        } finally {
            Shell.run("rm", "-rf", copy.toString());
        }
        assertThat(Shell.run("docker", "image", "inspect", IMAGE).exitCode()).as("the image is in the engine").isZero();
    }

    @AfterAll
    static void removeTheImage() {
        Shell.run("docker", "image", "rm", "-f", IMAGE);
    }

    private ContainerCli cli() {
        return new ContainerCli(IMAGE, home);
    }

    /** The socket's group, which the non-root user of the image needs, as README's Linux line gives it. */
    private static String socketGroup() throws IOException {
        return Files.getAttribute(Path.of(SOCKET), "unix:gid").toString();
    }

    @Test
    void versionIsTheProjectsAndTheImageIsLabelledAndNotRoot() {
        String version = ComponentVersions.load().orodc();
        cli().run("--version").assertSuccess().assertOut("orodc " + version + "\n");
        String inspect = Shell.run("docker", "image", "inspect", "--format",
                "{{.Config.User}}|{{index .Config.Labels \"org.opencontainers.image.version\"}}|"
                        + "{{index .Config.Labels \"org.opencontainers.image.source\"}}|"
                        + "{{index .Config.Labels \"org.opencontainers.image.revision\"}}|"
                        + "{{index .Config.Labels \"org.opencontainers.image.title\"}}|{{.Architecture}}", IMAGE).orFail().out().strip();
        assertThat(inspect).isEqualTo("1000:0|" + version + "|" + SOURCE + "|0123abc|orodc|amd64");
        assertThat(IMAGE).doesNotContain(version);
    }

    @Test
    void proxyStatusReachesTheEngineThroughTheMountedSocket() throws IOException {
        CliResult r = cli().with("-v", SOCKET + ":" + SOCKET, "--group-add", socketGroup()).run("proxy-status", "--json");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("exitCode").asInt()).as(r.err()).isEqualTo(r.exitCode());
        assertThat(check(report, "docker").get("status").asText()).as(r.out()).isEqualTo("OK");
        assertThat(r.exitCode()).as("docker reached: not 3").isIn(0, 1, 2);

        CliResult without = cli().run("proxy-status", "--json").assertExit(3);
        assertThat(check(new ObjectMapper().readTree(without.out()), "docker").get("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void buildsTheProxyImageToATarInsideTheContainerFromTheOfflineFixtures() throws Exception {
        Path out = Files.createDirectories(home.resolve("out"));
        Shell.run("chmod", "0777", out.toString(), home.toString()).orFail();
        try (OfflineUpstream served = OfflineUpstream.start()) {
            // host networking: the fixtures are served on this machine's 127.0.0.1
            ContainerCli cli = served.configure(cli()).with("--network", "host", "-v", out + ":/out");
            cli.run("proxy-image", "build", "--to", "tar:/out/proxy.tar").assertSuccess();
        }
        Path tar = out.resolve("proxy.tar");
        assertThat(tar).isRegularFile();
        assertThat(Shell.run("tar", "-tf", tar.toString()).orFail().out().lines()).contains("manifest.json");
        assertThat(Files.exists(home.resolve("cache"))).as("downloads cached under the mounted ORODC_HOME").isTrue();
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }
}
