package com.orodc.docker;

import com.orodc.core.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEngineIT {
    @TempDir
    Path home;

    @Test
    void theEngineOnThisMachineIsFoundOnTheSystemSocket() {
        try (DockerEngine engine = DockerEngine.connect(Map.of("HOME", home.toString()), Reporter.SILENT)) {
            assertThat(engine.endpoint().source()).isEqualTo("system socket");
            assertThat(engine.version().apiVersion()).isNotBlank();
        }
    }

    /** What tells Docker Desktop's engine (WSL integration) from one inside the distribution: docker info's OperatingSystem. */
    @Test
    void theOperatingSystemIsWhatDockerInfoSaysAndThisEngineIsNotDockerDesktop() {
        String cli = com.orodc.testing.Shell.run("docker", "info", "--format", "{{.OperatingSystem}}").orFail().out().strip();
        try (DockerEngine engine = DockerEngine.connect(Map.of("HOME", home.toString()), Reporter.SILENT)) {
            assertThat(engine.operatingSystem()).isEqualTo(cli);
            assertThat(DockerEngine.isDockerDesktop(engine.operatingSystem())).isFalse();
        }
        assertThat(DockerEngine.isDockerDesktop("Docker Desktop")).isTrue();
    }
}
