package com.orodc.services;

import com.orodc.render.TraefikPaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The init-certs oneshot run for real with busybox sh against certificate directories as a user
 * could mount them: it passes only when the leaf, its chain and its key are all there and non-empty,
 * and otherwise fails with one line naming every file that is wrong.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "runs the scripts with busybox-static, a Linux binary")
class InitCertsScriptTest {
    private static final Path SCRIPT = ServiceScript.SCRIPTS.resolve("init-certs");

    @TempDir
    Path certs;

    @BeforeEach
    void completeCertificateDirectory() throws IOException {
        Files.writeString(certs.resolve("leaf.pem"), "-----BEGIN CERTIFICATE-----\nleaf\n-----END CERTIFICATE-----\n");
        Files.writeString(certs.resolve("fullchain.pem"), "-----BEGIN CERTIFICATE-----\nchain\n-----END CERTIFICATE-----\n");
        Files.writeString(certs.resolve("leaf.key"), "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n");
    }

    private ServiceScript.Result run(Path dir) {
        return ServiceScript.run(SCRIPT, certs, Map.of("ORODC_CERT_DIR", dir.toString()));
    }

    @Test
    void completeDirectoryPasses() {
        var r = run(certs);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("init-certs: certificate, chain and key present in " + certs + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void missingKeyFailsWithOneLineNamingIt() throws IOException {
        Files.delete(certs.resolve("leaf.key"));
        var r = run(certs);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("init-certs: cannot serve HTTPS from " + certs
                + ": leaf.key is missing; run 'orodc install-proxy' to create the certificates\n");
    }

    @Test
    void emptyFileFailsWithOneLineNamingIt() throws IOException {
        Files.writeString(certs.resolve("fullchain.pem"), "");
        var r = run(certs);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("fullchain.pem is empty")
                .doesNotContain("leaf.pem")
                .doesNotContain("leaf.key");
    }

    @Test
    void everyProblemIsNamedOnTheSameLine() throws IOException {
        Files.delete(certs.resolve("leaf.pem"));
        Files.writeString(certs.resolve("leaf.key"), "");
        Files.createDirectory(certs.resolve("leaf.pem"));
        var r = run(certs);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("leaf.pem is not a regular file, leaf.key is empty");
    }

    @Test
    void missingDirectorySaysWhereToMountIt() {
        Path absent = certs.resolve("not-mounted");
        var r = run(absent);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .isEqualTo("init-certs: certificate directory " + absent
                        + " does not exist: mount the orodc certificate directory there (orodc install-proxy does)");
    }

    @Test
    void defaultDirectoryIsTheOneTraefikReads() throws IOException {
        String script = Files.readString(SCRIPT);
        assertThat(script).contains("${ORODC_CERT_DIR:-" + TraefikPaths.CERT_DIR + "}");
    }
}
