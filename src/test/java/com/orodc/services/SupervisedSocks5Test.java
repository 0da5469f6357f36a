package com.orodc.services;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socks5 service under a real s6-supervise (Debian's s6, the same supervisor s6-overlay runs):
 * disabled, it is started once and stays down instead of being restarted every second; enabled, it
 * stays up with the binary's variables set. Skipped where s6 is not installed.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "needs Linux's s6 (s6-supervise, s6-svstat) and busybox-static")
class SupervisedSocks5Test {
    private static final Path RUN = ServiceScript.S6_RC.resolve("socks5/run").toAbsolutePath();

    @TempDir
    Path work;
    private Path service;
    private Path starts;
    private Process supervisor;

    @BeforeEach
    void serviceDirectory() throws IOException {
        assertThat(Shell.available("s6-supervise") && Shell.available("s6-svstat"))
                .as("s6 (Debian package) is needed: run .ci/install-deps test").isTrue();
        service = Files.createDirectories(work.resolve("socks5"));
        starts = work.resolve("starts");
        Path bin = work.resolve("bin");
        // the stand-in binary records each start and its variables, then stays up like the real one
        ServiceScript.standIn(bin, "socks5", "{ echo start; " + ServiceScript.BUSYBOX + " env | "
                + ServiceScript.BUSYBOX + " grep -E '^(PROXY|REQUIRE)' | " + ServiceScript.BUSYBOX + " sort; } >> " + starts
                + "\nexec " + ServiceScript.BUSYBOX + " sleep 60");
    }

    @AfterEach
    void stopSupervisor() throws InterruptedException {
        if (supervisor != null) {
            Shell.run("s6-svc", "-dx", service.toString());
            if (!supervisor.waitFor(10, TimeUnit.SECONDS)) {
                supervisor.destroyForcibly();
            }
        }
    }

    private void supervise(String settings) throws IOException {
        // what with-contenv would do in the image: the container's variables, then the script itself
        ServiceScript.standIn(service, "run", "export PATH=" + System.getenv("PATH") + " " + settings
                + " ORODC_SOCKS5_BINARY=" + work.resolve("bin/socks5") + "\nexec " + ServiceScript.BUSYBOX + " sh " + RUN);
        supervisor = new ProcessBuilder("s6-supervise", service.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("log").toFile()).start();
    }

    private String status() {
        return Shell.run("s6-svstat", service.toString()).out().strip();
    }

    /** Polls s6-svstat until it reports the state, for at most ten seconds. */
    private String awaitStatus(String prefix) throws InterruptedException {
        String status = "";
        for (int i = 0; i < 100; i++) {
            status = Shell.run("s6-svstat", service.toString()).out().strip();
            if (status.startsWith(prefix)) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }

    @Test
    void disabledServiceRunsOnceAndStaysDown() throws Exception {
        supervise("DC_PROXY_SOCKS5_ENABLED=0");
        assertThat(awaitStatus("down (exitcode 0)")).startsWith("down (exitcode 0)");
        // s6-supervise restarts a dead service after one second: three seconds show it did not
        Thread.sleep(3000);
        assertThat(status()).startsWith("down (exitcode 0)");
        assertThat(starts).doesNotExist();
        assertThat(Files.readString(work.resolve("log")).lines().filter(l -> l.startsWith("socks5: disabled")))
                .as("runs of the disabled service").hasSize(1);
    }

    @Test
    void enabledServiceStaysUpWithTheBinaryVariables() throws Exception {
        supervise("DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=1090 DC_PROXY_SOCKS5_USER=dev DC_PROXY_SOCKS5_PASS=pw");
        assertThat(awaitStatus("up")).startsWith("up");
        for (int i = 0; i < 100 && !(Files.exists(starts) && Files.readString(starts).contains("REQUIRE_AUTH")); i++) {
            Thread.sleep(100);
        }
        assertThat(starts).hasContent("start\nPROXY_PASSWORD=pw\nPROXY_PORT=1090\nPROXY_USER=dev\nREQUIRE_AUTH=true");
    }
}
