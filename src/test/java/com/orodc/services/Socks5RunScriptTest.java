package com.orodc.services;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socks5 service's run script with busybox sh: orodc's variables reach the SOCKS5 binary under
 * the names it reads, and a disabled or misconfigured service asks s6 not to start it again
 * instead of looping. The binary and s6-svc are stand-ins that print what they were given.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "runs the scripts with busybox-static, a Linux binary")
class Socks5RunScriptTest {
    private static final Path RUN = ServiceScript.S6_RC.resolve("socks5/run");

    @TempDir
    Path serviceDir;
    @TempDir
    Path bin;

    private Map<String, String> env;

    @BeforeEach
    void standIns() {
        ServiceScript.standIn(bin, "s6-svc", "echo \"s6-svc $* in $PWD\"");
        Path socks5 = ServiceScript.standIn(bin, "socks5",
                "echo \"socks5 started with: $*\"; " + ServiceScript.BUSYBOX + " env | " + ServiceScript.BUSYBOX + " sort");
        env = new HashMap<>();
        // only the stand-ins: the script must need nothing else outside busybox sh
        env.put("PATH", bin.toString());
        env.put("ORODC_SOCKS5_BINARY", socks5.toString());
    }

    private ServiceScript.Result run(Map<String, String> settings) {
        env.putAll(settings);
        return ServiceScript.run(RUN, serviceDir, env);
    }

    @Test
    void enabledWithoutUserRunsWithoutAuthentication() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_PORT", "1081"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("socks5: listening on port 1081 without authentication\n")
                .contains("socks5 started with: \n")
                .contains("\nPROXY_PORT=1081\n")
                .contains("\nREQUIRE_AUTH=false\n")
                .doesNotContain("PROXY_USER=")
                .doesNotContain("PROXY_PASSWORD=")
                .doesNotContain("s6-svc");
    }

    @Test
    void enabledWithUserRequiresAuthentication() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_USER", "dev", "DC_PROXY_SOCKS5_PASS", "s3cret word"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("socks5: listening on port 1080, user dev must authenticate\n")
                .contains("\nPROXY_PORT=1080\n")
                .contains("\nPROXY_USER=dev\n")
                .contains("\nPROXY_PASSWORD=s3cret word\n")
                .contains("\nREQUIRE_AUTH=true\n")
                // the password reaches the binary under its own name only
                .doesNotContain("DC_PROXY_SOCKS5_PASS=");
    }

    @Test
    void trueIsAcceptedLikeOne() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "true"));
        assertThat(r.out()).contains("socks5 started with:");
    }

    @Test
    void disabledStaysDownWithoutARestartLoop() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "0", "DC_PROXY_SOCKS5_USER", "dev"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("socks5: disabled (DC_PROXY_SOCKS5_ENABLED=0)\n"
                + "s6-svc -O . in " + serviceDir + "\n");
    }

    @Test
    void unsetMeansDisabled() {
        var r = run(Map.of());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("socks5: disabled (DC_PROXY_SOCKS5_ENABLED=0)\n")
                .contains("s6-svc -O .")
                .doesNotContain("socks5 started");
    }

    @Test
    void invalidPortIsReportedAndNotRetried() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_PORT", "70000"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("socks5: not started: DC_PROXY_SOCKS5_PORT=70000 is not a port number from 1 to 65535\n");
        assertThat(r.out()).isEqualTo("s6-svc -O . in " + serviceDir + "\n");
    }

    @Test
    void userWithoutPasswordIsReportedAndNotRetried() {
        var r = run(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_USER", "dev"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("DC_PROXY_SOCKS5_USER is set but DC_PROXY_SOCKS5_PASS is empty");
        assertThat(r.out()).contains("s6-svc -O .").doesNotContain("socks5 started");
    }
}
