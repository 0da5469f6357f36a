package com.orodc.services;

import com.orodc.render.TraefikPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The traefik service's run and finish scripts with busybox sh and a stand-in traefik. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "runs the scripts with busybox-static, a Linux binary")
class TraefikServiceScriptTest {
    @TempDir
    Path serviceDir;
    @TempDir
    Path bin;

    @Test
    void runStartsTraefikWithTheRenderedStaticConfig() {
        ServiceScript.standIn(bin, "traefik", "echo \"traefik $*\"; echo \"to stderr\" >&2");
        var r = ServiceScript.run(ServiceScript.S6_RC.resolve("traefik/run"), serviceDir, Map.of("PATH", bin.toString()));
        assertThat(r.exitCode()).isZero();
        // stderr joins stdout so both reach the container log in order
        assertThat(r.out()).isEqualTo("traefik --configFile=" + TraefikPaths.STATIC_CONFIG + "\nto stderr\n");
    }

    @Test
    void finishLogsTheExitCode() {
        var r = ServiceScript.run(ServiceScript.S6_RC.resolve("traefik/finish"), serviceDir, Map.of(), "1", "0");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("traefik: exited with code 1\n");
    }

    @Test
    void finishLogsTheSignal() {
        var r = ServiceScript.run(ServiceScript.S6_RC.resolve("traefik/finish"), serviceDir, Map.of(), "256", "9");
        // never 125: that would tell s6 to stop restarting Traefik
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("traefik: stopped by signal 9\n");
    }
}
