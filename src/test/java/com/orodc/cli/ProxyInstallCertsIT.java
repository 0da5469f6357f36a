package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.PackagedCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application: the main path once (every case runs in-process in {@link ProxyInstallCertsTest};
 * each packaged run starts a JVM).
 */
class ProxyInstallCertsIT {
    @TempDir
    Path home;

    @Test
    void createsKeepsAndRefuses() throws Exception {
        CliDriver cli = new PackagedCli(home);
        String first = cli.run("proxy", "install-certs").assertSuccess()
                .assertErr("root CA created: none existed")
                .assertOut("docker.local, *.docker.local, localhost, 127.0.0.1, ::1").out();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("certs/leaf.key"))))
                .isEqualTo("rw-------");

        cli.run("proxy", "install-certs").assertSuccess().assertErr("leaf certificate kept").assertOut(
                first.lines().filter(l -> l.contains("SHA-256")).findFirst().orElseThrow());

        cli.run("proxy", "install-certs", "--extra-name", "evil.example.com").assertExit(2)
                .assertErr("error: extra name 'evil.example.com' is outside docker.local and localhost");
    }
}
