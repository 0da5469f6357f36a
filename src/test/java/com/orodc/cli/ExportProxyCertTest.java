package com.orodc.cli;

import com.orodc.certs.trust.TestCa;
import com.orodc.testing.CliDriver;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export-proxy-cert} without touching any trust store. Re-run packaged by {@code ExportProxyCertIT}. */
public class ExportProxyCertTest {
    @TempDir
    protected Path home;
    @TempDir
    Path work;

    TestCa ca;

    protected CliDriver cli() {
        return new InProcessCli(home).in(work);
    }

    @BeforeEach
    void rootInOrodcHome() {
        ca = TestCa.create(work.resolve("ca"), "OroDC Test Root");
        ca.installAsOrodcRoot(home);
    }

    @Test
    void pemToStdoutIsExactlyTheCertificateAndTheStepsGoToStderr() throws Exception {
        CliResult r = cli().run("export-proxy-cert").assertSuccess();
        assertThat(r.out()).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");
        assertThat(parse(r.out().getBytes())).isEqualTo(parse(Files.readAllBytes(ca.rootCert())));
        assertThat(r.out()).doesNotContain("fingerprint");
        r.assertErr("SHA-256 fingerprint: " + ca.opensslSha256());
    }

    @Test
    void fingerprintMatchesOpenssl() {
        String sha = ca.opensslSha256();
        assertThat(sha).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        cli().run("export-proxy-cert", "--out", "ca.pem").assertSuccess().assertOut("SHA-256 fingerprint: " + sha);
    }

    @Test
    void stepsCoverEveryPlatformAndNameTheFile() {
        CliResult r = cli().run("export-proxy-cert", "--out", "ca.pem").assertSuccess();
        Path file = work.resolve("ca.pem");
        r.assertOut("wrote " + file);
        for (String platform : new String[] {"macOS", "Debian/Ubuntu", "Fedora/RHEL", "Arch", "Windows", "WSL2", "Firefox", "Java"}) {
            r.assertOut(platform);
        }
        r.assertOut("sudo update-ca-certificates").assertOut("update-ca-trust extract")
                .assertOut("security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain " + file)
                .assertOut("Cert:\\LocalMachine\\Root")
                .assertOut("keytool -importcert");
    }

    @Test
    void derFileParsesToTheSameCertificate() throws Exception {
        CliResult r = cli().run("export-proxy-cert", "--format", "der", "--out", "ca.cer").assertSuccess();
        byte[] der = Files.readAllBytes(work.resolve("ca.cer"));
        assertThat(der[0]).isEqualTo((byte) 0x30); // an ASN.1 SEQUENCE, not PEM text
        assertThat(parse(der)).isEqualTo(parse(Files.readAllBytes(ca.rootCert())));
        r.assertOut("openssl x509 -inform der -in " + work.resolve("ca.cer"));
        Shell.run("openssl", "x509", "-inform", "der", "-in", work.resolve("ca.cer").toString(), "-noout").orFail();
    }

    @Test
    void derNeedsAFile() {
        cli().run("export-proxy-cert", "--format", "der").assertExit(2).assertErr("DER is binary: give --out FILE");
    }

    @Test
    void anExistingDifferentFileIsNotOverwrittenWithoutForce() throws Exception {
        Path file = work.resolve("ca.pem");
        Files.writeString(file, "my notes\n");
        CliResult r = cli().run("export-proxy-cert", "--out", "ca.pem").assertExit(2)
                .assertErr(file + " already exists and holds something else: choose another --out or add --force");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("my notes\n");

        cli().run("export-proxy-cert", "--out", "ca.pem", "--force").assertSuccess();
        assertThat(Files.readString(file)).isEqualTo(ca.rootPem());
        cli().run("export-proxy-cert", "--out", "ca.pem").assertSuccess().assertOut("unchanged: " + file);
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ca", "ca.pem");
        }
    }

    @Test
    void withoutACaOneIsCreatedAndExported() throws Exception {
        try (var files = Files.walk(home.resolve("certs"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Path out = home.resolve("exported.pem");
        cli().run("export-proxy-cert", "--out", out.toString()).assertSuccess().assertOut("wrote " + out);
        var text = Shell.run("openssl", "x509", "-in", out.toString(), "-noout", "-text").orFail().out();
        assertThat(text).contains("CA:TRUE").contains("OroDC Local CA");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(home.resolve("certs/root-ca.pem")));
    }

    @Test
    void uninstallWithoutACaSaysHowToMakeOne() throws Exception {
        Files.delete(home.resolve("certs/root-ca.pem"));
        cli().run("export-proxy-cert", "--status").assertExit(1).assertErr("error: no local CA yet: run 'orodc proxy install-certs'");
    }

    @Test
    void aCorruptRootIsACertificateError() throws Exception {
        Files.writeString(home.resolve("certs/root-ca.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        cli().run("export-proxy-cert").assertExit(5).assertErr("does not hold a PEM certificate");
    }

    @Test
    void storeOptionsBelongToInstall() {
        cli().run("export-proxy-cert", "--store", "nss").assertExit(2).assertErr("--store goes with --install or --uninstall");
        cli().run("export-proxy-cert", "--install", "--uninstall").assertExit(2).assertErr("mutually exclusive");
        cli().run("export-proxy-cert", "--install", "--store", "firefox").assertExit(2)
                .assertErr("unknown trust store 'firefox': expected system, nss, java, keychain, windows");
    }

    @Test
    void helpDocumentsTheStoreOverrides() {
        cli().run("export-proxy-cert", "--help").assertSuccess()
                .assertOut("for tests and unusual layouts")
                .assertOut("ORODC_TRUST_NSS_DBS")
                .assertOut("ORODC_TRUST_JAVA_CACERTS");
    }

    static X509Certificate parse(byte[] bytes) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }

    @Test
    void statusUsesTheJavaOrodcRunsOnWhenJavaHomeIsUnsetAndSaysSo() {
        CliResult r = cli().env("JAVA_HOME", "").run("export-proxy-cert", "--status").assertSuccess();
        assertThat(r.out()).doesNotContain("java: unknown (JAVA_HOME is not set)")
                .containsPattern("java +\\S+/lib/security/cacerts: (not trusted|trusted[^\\n]*) \\(the Java orodc runs on;"
                        + " JAVA_HOME is not set\\)");
    }

    @Test
    void statusSaysTheKeystoreCameFromJavaHome() throws Exception {
        Path javaHome = Files.createDirectories(work.resolve("jdk/lib/security"));
        Files.copy(Path.of(System.getProperty("java.home"), "lib/security/cacerts"), javaHome.resolve("cacerts"));
        cli().env("JAVA_HOME", work.resolve("jdk").toString()).run("export-proxy-cert", "--status").assertSuccess()
                .assertOut(javaHome.resolve("cacerts") + ": not trusted (from JAVA_HOME)");
    }

    @Test
    void anExplicitStoreWhereNothingWasDoneIsATrustFailure() {
        CliResult r = cli().run("export-proxy-cert", "--install", "--store", "nss").assertExit(6)
                .assertOut("nss: skipped (no NSS database found")
                .assertErr("error: --store nss: nothing was trusted there");
        assertThat(r.out()).contains(".config/mozilla/firefox");
    }

    @Test
    void statusShowsEveryFirefoxProfileFound() throws Exception {
        Path root = Files.createDirectories(home.resolve("user-home/.config/mozilla/firefox"));
        Path profile = Files.createDirectories(root.resolve("p1.default-release"));
        Files.writeString(profile.resolve("cert9.db"), "");
        Files.writeString(root.resolve("profiles.ini"), "[Profile0]\nIsRelative=1\nPath=p1.default-release\n");
        cli().run("export-proxy-cert", "--status").assertSuccess().assertOut("nss      " + profile + ": ");
    }
}
