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
}
