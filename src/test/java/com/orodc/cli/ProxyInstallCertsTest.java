package com.orodc.cli;

import com.orodc.certs.DirectorySnapshot;
import com.orodc.testing.CliDriver;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code orodc proxy install-certs} as a user runs it. Re-run packaged by {@code ProxyInstallCertsIT}. */
public class ProxyInstallCertsTest {
    @TempDir
    protected Path home;

    protected CliDriver cli() {
        return new InProcessCli(home);
    }

    Path certs() {
        return home.resolve("certs");
    }

    @Test
    void helpShowsTheOptionsAndExamples() {
        cli().run("proxy", "install-certs", "--help").assertSuccess()
                .assertOut("--extra-name=NAME")
                .assertOut("--key-type=TYPE")
                .assertOut("--rotate-ca")
                .assertOut("--destroy-root-key")
                .assertOut("--adopt-ca=DIR")
                .assertOut("--cert-domain=DOMAIN")
                .assertOut("Examples:")
                .assertOut("orodc proxy install-certs --extra-name shop.docker.local");
        cli().run("proxy", "--help").assertSuccess().assertOut("install-certs");
    }

    @Test
    void createsTheCertificatesThenKeepsThem() throws Exception {
        CliResult first = cli().run("proxy", "install-certs", "--extra-name", "shop.docker.local").assertSuccess()
                .assertOut("Certificates in " + certs())
                .assertOut("root CA       root-ca.pem  valid until ")
                .assertOut("root key      root-ca.key (move it offline or run with --destroy-root-key)")
                .assertOut("docker.local, *.docker.local, localhost, shop.docker.local, 127.0.0.1, ::1")
                .assertOut("chain         fullchain.pem")
                .assertErr("root CA created: none existed")
                .assertErr("leaf certificate created: none existed");
        String fingerprint = Shell.run("openssl", "x509", "-in", certs().resolve("root-ca.pem").toString(), "-noout",
                "-fingerprint", "-sha256").orFail().out().strip().replace("sha256 Fingerprint=", "");
        first.assertOut("SHA-256 " + fingerprint);
        assertThat(first.out()).containsPattern("ECDSA P-256, valid until \\d{4}-\\d\\d-\\d\\d \\(39[45] days left\\)");
        FileTime leafTime = Files.getLastModifiedTime(certs().resolve("leaf.pem"));

        CliResult second = cli().run("proxy", "install-certs", "--extra-name", "shop.docker.local").assertSuccess()
                .assertOut("SHA-256 " + fingerprint)
                .assertErr("leaf certificate kept: valid until ");
        assertThat(second.err()).doesNotContain("created").doesNotContain("re-issued");
        assertThat(Files.getLastModifiedTime(certs().resolve("leaf.pem"))).isEqualTo(leafTime);
    }

    @Test
    void theDomainComesFromTheConfiguration() {
        cli().env("CERT_DOMAIN", "shop.test").run("proxy", "install-certs").assertSuccess()
                .assertOut("shop.test, *.shop.test, localhost, 127.0.0.1, ::1");
        cli().env("CERT_DOMAIN", "shop.test").run("proxy", "install-certs", "--cert-domain", "dev.test").assertSuccess()
                .assertErr("intermediate CA re-issued: its name constraints do not cover dev.test")
                .assertOut("dev.test, *.dev.test");
    }

    @Test
    void keyTypeRotationAndRootKeyDestruction() {
        cli().run("proxy", "install-certs", "--key-type", "rsa2048").assertSuccess().assertOut("RSA 2048, valid until");
        String before = cli().run("proxy", "install-certs").assertSuccess().assertOut("RSA 2048, valid until").out();
        CliResult rotated = cli().run("proxy", "install-certs", "--rotate-ca").assertSuccess()
                .assertErr("root CA created: rotation asked for; trust the new root")
                .assertOut("ECDSA P-256");
        assertThat(fingerprintLine(rotated.out())).isNotEqualTo(fingerprintLine(before));
        cli().run("proxy", "install-certs", "--destroy-root-key").assertSuccess()
                .assertOut("root key      destroyed (a new intermediate needs --rotate-ca)")
                .assertErr("root CA key destroyed");
        assertThat(certs().resolve("root-ca.key")).doesNotExist();
        CliResult refused = cli().run("proxy", "install-certs", "--cert-domain", "other.test").assertExit(5);
        assertThat(refused.err().strip().lines()).hasSize(1);
        refused.assertErr("error: a new intermediate CA is needed (its name constraints do not cover other.test) but the root CA"
                + " key was destroyed; rotate the CA (--rotate-ca) and trust the new root");
    }

    @Test
    void adoptsTheCaOfTheBashOroDc(@TempDir Path legacy) {
        Shell.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "3650", "-subj", "/CN=OroDC Local CA"), legacy, 60).orFail();
        cli().run("proxy", "install-certs", "--adopt-ca", legacy.toString()).assertSuccess()
                .assertErr("root CA adopted: from " + legacy);
        Shell.run("openssl", "verify", "-CAfile", legacy.resolve("ca.crt").toString(), "-untrusted",
                certs().resolve("intermediate-ca.pem").toString(), certs().resolve("leaf.pem").toString()).orFail();
    }

    @Test
    void badInputIsOneLineWithItsExitCode(@TempDir Path empty) throws Exception {
        CliResult outside = cli().run("proxy", "install-certs", "--extra-name", "evil.example.com").assertExit(2);
        assertThat(outside.err().strip().lines()).hasSize(1);
        outside.assertErr("error: extra name 'evil.example.com' is outside docker.local and localhost");
        assertThat(certs()).doesNotExist();

        cli().run("proxy", "install-certs", "--key-type", "dsa").assertExit(2)
                .assertErr("error: unknown key type 'dsa': expected one of ecdsa, rsa2048, rsa3072");
        cli().run("proxy", "install-certs", "--adopt-ca", empty.toString()).assertExit(4)
                .assertErr("error: cannot read " + empty.resolve("ca.crt") + ": no such file or directory");
        assertThat(certs()).doesNotExist();

        cli().run("proxy", "install-certs").assertSuccess();
        Files.writeString(certs().resolve("intermediate-ca.pem"), "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n");
        CliResult corrupt = cli().run("proxy", "install-certs").assertExit(5);
        assertThat(corrupt.err().strip().lines()).hasSize(1);
        corrupt.assertErr("intermediate-ca.pem is not a readable PEM certificate");
    }

    private static String fingerprintLine(String out) {
        return out.lines().filter(l -> l.contains("SHA-256")).findFirst().orElseThrow();
    }

    @Test
    void aLeafKeyThatDoesNotMatchTheLeafIsRefusedAndKept() throws Exception {
        cli().run("proxy", "install-certs").assertSuccess();
        Path key = certs().resolve("leaf.key");
        Shell.run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString()).orFail();
        DirectorySnapshot before = DirectorySnapshot.of(certs());

        CliResult r = cli().run("proxy", "install-certs").assertExit(5)
                .assertErr(key + " does not belong to leaf.pem; restore the key that does, or delete leaf.pem and leaf.key"
                        + " to have a new pair issued");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(DirectorySnapshot.of(certs())).isEqualTo(before);
    }

    @Test
    void aLeafKeyWithoutItsCertificateIsRefusedAndKept() throws Exception {
        cli().run("proxy", "install-certs").assertSuccess();
        Files.delete(certs().resolve("leaf.pem"));
        DirectorySnapshot before = DirectorySnapshot.of(certs());

        cli().run("proxy", "install-certs").assertExit(5)
                .assertErr(certs().resolve("leaf.key") + " is there without leaf.pem; restore leaf.pem, or delete leaf.key"
                        + " to have a new pair issued");
        assertThat(DirectorySnapshot.of(certs())).isEqualTo(before);
    }

    @Test
    void helpSaysAMismatchedKeyIsNeverReplaced() {
        cli().run("proxy", "install-certs", "--help").assertSuccess()
                .assertOut("A key that does not belong to its certificate is never replaced (exit 5)");
    }
}
