package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order of the strategies and what a user is told; pings are decided by the test. */
class DockerDiscoveryTest {
    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();
    private final Reporter reporter = (level, message) -> {
        if (level == Reporter.Level.WARN) {
            warnings.add(message);
        }
    };

    private DockerDiscovery discovery(Map<String, String> env, Set<String> answering) {
        return new DockerDiscovery(env, home.resolve("var-run-docker.sock"), uri -> answering.contains(uri.toString()));
    }

    @Test
    void dockerHostComesFirst() throws Exception {
        Files.createFile(home.resolve("var-run-docker.sock"));
        var endpoint = discovery(Map.of("HOME", home.toString(), "DOCKER_HOST", "tcp://127.0.0.1:2375"),
                Set.of("tcp://127.0.0.1:2375", "unix://" + home.resolve("var-run-docker.sock"))).discover(reporter);
        assertThat(endpoint.source()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void anExplicitDockerHostThatDoesNotAnswerIsNotSwappedForAnotherEngine() throws Exception {
        Files.createFile(home.resolve("var-run-docker.sock"));
        assertThatThrownBy(() -> discovery(Map.of("HOME", home.toString(), "DOCKER_HOST", "tcp://127.0.0.1:1"),
                Set.of("unix://" + home.resolve("var-run-docker.sock"))).discover(reporter))
                .hasMessage("Docker is not reachable at DOCKER_HOST=tcp://127.0.0.1:1: start it there, or unset DOCKER_HOST to look in the usual places");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not a url | DOCKER_HOST=not a url is not valid (not a URL): expected unix:///path/to/docker.sock, tcp://HOST:PORT or npipe:////./pipe/NAME",
            "/var/run/docker.sock | DOCKER_HOST=/var/run/docker.sock is not valid (no scheme): expected unix://",
            "tcp://127.0.0.1 | DOCKER_HOST=tcp://127.0.0.1 is not valid (no HOST:PORT)",
            "unix:// | DOCKER_HOST=unix:// is not valid",
            "fd://localhost | DOCKER_HOST=fd://localhost is not valid (unknown scheme fd://)",
            "ssh://me@build | uses ssh://, which orodc cannot open: forward the remote socket",
    })
    void aDockerHostOrodcCannotUseIsAUsageErrorNamingTheAcceptedForms(String value, String message) {
        assertThatThrownBy(() -> discovery(Map.of("HOME", home.toString(), "DOCKER_HOST", value), Set.of()).discover(reporter))
                .isInstanceOfSatisfying(OrodcException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining(message);
    }

    @Test
    void aLongDockerHostIsQuotedShort() {
        String value = "x".repeat(10_000);
        assertThatThrownBy(() -> discovery(Map.of("HOME", home.toString(), "DOCKER_HOST", value), Set.of()).discover(reporter))
                .hasMessageContaining("... (10000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void currentContextIsReadFromConfigAndMeta() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"colima\"}");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("colima".getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta/" + hash));
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"colima\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///somewhere/colima.sock\"}}}");
        var endpoint = discovery(Map.of("HOME", home.toString()), Set.of("unix:///somewhere/colima.sock")).discover(reporter);
        assertThat(endpoint.source()).isEqualTo("docker context 'colima'");
        assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///somewhere/colima.sock"));
    }

    @Test
    void desktopProductsAreFoundByTheirSockets() throws Exception {
        Files.createDirectories(home.resolve(".orbstack/run"));
        Files.createFile(home.resolve(".orbstack/run/docker.sock"));
        var endpoint = discovery(Map.of("HOME", home.toString()),
                Set.of("unix://" + home.resolve(".orbstack/run/docker.sock"))).discover(reporter);
        assertThat(endpoint.source()).isEqualTo("OrbStack");
    }

    @Test
    void whenNothingAnswersEveryAttemptIsReported() throws Exception {
        Files.createFile(home.resolve("var-run-docker.sock"));
        assertThatThrownBy(() -> discovery(Map.of("HOME", home.toString()), Set.of())
                .discover(reporter))
                .isInstanceOf(OrodcException.class)
                .hasMessageContaining("Docker is not reachable (tried 8 places")
                .satisfies(e -> assertThat(((OrodcException) e).exitCode()).isEqualTo(ExitCode.DOCKER_UNREACHABLE));
        assertThat(String.join("\n", warnings))
                .contains("DOCKER_HOST -: not set")
                .contains("system socket unix://" + home.resolve("var-run-docker.sock") + ": no answer to ping")
                .contains("Docker Desktop")
                .contains("Colima")
                .contains("OrbStack")
                .contains("Rancher Desktop")
                .contains("Podman");
    }
}
