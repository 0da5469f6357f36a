package com.orodc.cli;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.TempTrustStores;
import com.orodc.certs.trust.TestCa;
import com.orodc.certs.trust.TrustEnvironment;
import com.orodc.testing.CliDriver;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --install} / {@code --uninstall} against real stores in temporary directories. */
class ExportProxyCertInstallIT {
    @TempDir
    Path home;
    @TempDir
    Path work;

    TestCa ca;
    TestCa foreign;
    TempTrustStores stores;
    String alias;

    @BeforeEach
    void setUp() {
        ca = TestCa.create(work.resolve("ca"), "OroDC Test Root");
        foreign = TestCa.create(work.resolve("foreign"), "Someone Else Root");
        ca.installAsOrodcRoot(home);
        stores = new TempTrustStores(work.resolve("stores"), foreign.rootCert());
        alias = RootCertificate.read(ca.rootCert()).storeName();
    }

    CliDriver cli() {
        CliDriver cli = new InProcessCli(home).in(work);
        stores.environment().forEach(cli::env);
        return cli;
    }

    @Test
    void installTrustsTheRootInEveryStore() throws Exception {
        CliResult r = cli().run("export-proxy-cert", "--install").assertSuccess();
        r.assertOut("system   " + stores.localCertsDir + ": trusted (" + alias + ".crt)")
                .assertOut("nss      " + stores.nssDb + ": trusted (" + alias + ")")
                .assertOut("java     " + stores.keystore + ": trusted (" + alias + ")")
                .assertOut("keychain: skipped (only on macOS)");

        // NSS: the nickname holds our root, as a CA trusted for TLS
        String listed = Shell.run("certutil", "-L", "-d", "sql:" + stores.nssDb, "-n", alias, "-a").orFail().out();
        assertThat(RootCertificate.fingerprintOf(listed.getBytes())).isEqualTo(ca.opensslSha256());
        assertThat(Shell.run("certutil", "-L", "-d", "sql:" + stores.nssDb).orFail().out()).containsPattern(alias + "\\s+C,,");

        // Java: the alias holds our root as a trusted certificate entry
        KeyStore ks = stores.loadKeystore();
        assertThat(ks.isCertificateEntry(alias)).isTrue();
        assertThat(RootCertificate.fingerprintOf((X509Certificate) ks.getCertificate(alias))).isEqualTo(ca.opensslSha256());

        // system: the rebuilt bundle holds the root, and openssl trusts the leaf through it
        assertThat(Files.readString(stores.bundle())).contains(body(ca.rootPem()));
        Shell.run("openssl", "verify", "-CAfile", stores.bundle().toString(), "-untrusted", ca.intermediateCert().toString(),
                ca.leafCert().toString()).orFail();

        cli().run("export-proxy-cert", "--status").assertSuccess()
                .assertOut("nss      " + stores.nssDb + ": trusted")
                .assertOut("java     " + stores.keystore + ": trusted (alias " + alias + ")")
                .assertOut("system   " + stores.localCertsDir + ": trusted");
    }

    @Test
    void installingTwiceAddsNothing() {
        cli().run("export-proxy-cert", "--install").assertSuccess();
        Map<String, String> once = stores.snapshot();
        byte[] keystoreOnce = stores.keystoreBytes();
        String recordOnce = record();

        cli().run("export-proxy-cert", "--install").assertSuccess()
                .assertOut("system   " + stores.localCertsDir + ": already trusted")
                .assertOut("nss      " + stores.nssDb + ": already trusted")
                .assertOut("java     " + stores.keystore + ": already trusted");
        assertThat(stores.snapshot()).isEqualTo(once);
        assertThat(stores.keystoreBytes()).isEqualTo(keystoreOnce);
        assertThat(record()).isEqualTo(recordOnce);
        assertThat(record().split("\"store\"")).hasSize(4); // three entries: system, nss, java
    }

    @Test
    void uninstallLeavesEveryStoreAsItWas() {
        Map<String, String> before = stores.snapshot();
        cli().run("export-proxy-cert", "--install").assertSuccess();
        assertThat(stores.snapshot()).isNotEqualTo(before);

        cli().run("export-proxy-cert", "--uninstall").assertSuccess()
                .assertOut("system   " + stores.localCertsDir + ": removed (" + alias + ".crt)")
                .assertOut("nss      " + stores.nssDb + ": removed (" + alias + ")")
                .assertOut("java     " + stores.keystore + ": removed (" + alias + ")");
        assertThat(stores.snapshot()).isEqualTo(before);
        assertThat(record()).doesNotContain(alias);

        cli().run("export-proxy-cert", "--uninstall").assertSuccess().assertOut("nothing to remove");
        assertThat(stores.snapshot()).isEqualTo(before);
    }

    @Test
    void anEntryThatIsNoLongerOursIsNeverRemoved() throws Exception {
        cli().run("export-proxy-cert", "--install").assertSuccess();
        // someone puts another root under the names we used
        TestCa third = TestCa.create(work.resolve("third"), "Third Root");
        Shell.run("certutil", "-D", "-d", "sql:" + stores.nssDb, "-n", alias).orFail();
        Shell.run("certutil", "-A", "-d", "sql:" + stores.nssDb, "-n", alias, "-t", "C,,", "-i", third.rootCert().toString()).orFail();
        Path anchor = stores.localCertsDir.resolve(alias + ".crt");
        Files.copy(third.rootCert(), anchor, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> replaced = stores.snapshot();

        cli().run("export-proxy-cert", "--uninstall", "--store", "nss,system").assertSuccess()
                .assertOut("nss      " + stores.nssDb + ": left alone (nickname " + alias + " now holds another certificate)")
                .assertOut("system   " + stores.localCertsDir + ": left alone");
        assertThat(stores.snapshot()).isEqualTo(replaced);
        assertThat(Files.readString(anchor)).isEqualTo(third.rootPem());
        // the java entry was not asked for: it stays installed and recorded
        assertThat(stores.loadKeystore().containsAlias(alias)).isTrue();
        assertThat(record()).contains("\"java\"").doesNotContain("\"nss\"");
    }

    @Test
    void aLinkedCacertsStaysALink() throws Exception {
        // Debian links $JAVA_HOME/lib/security/cacerts to /etc/ssl/certs/java/cacerts
        Path link = Files.createSymbolicLink(work.resolve("cacerts"), stores.keystore);
        cli().env(TrustEnvironment.JAVA_CACERTS, link.toString()).run("export-proxy-cert", "--install", "--store", "java")
                .assertSuccess().assertOut("java     " + link + ": trusted");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(stores.loadKeystore().containsAlias(alias)).isTrue();
        cli().env(TrustEnvironment.JAVA_CACERTS, link.toString()).run("export-proxy-cert", "--uninstall").assertSuccess()
                .assertOut("java     " + link + ": removed");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(stores.loadKeystore().containsAlias(alias)).isFalse();
    }

    @Test
    void storesCanBeChosen() {
        cli().run("export-proxy-cert", "--install", "--store", "java").assertSuccess()
                .assertOut("java     " + stores.keystore + ": trusted");
        assertThat(Shell.run("certutil", "-L", "-d", "sql:" + stores.nssDb).orFail().out()).doesNotContain(alias);
        assertThat(stores.localCertsDir.resolve(alias + ".crt")).doesNotExist();
    }

    @Test
    void aStoreThatCannotBeOpenedFailsWithTheTrustExitCode() {
        Map<String, String> before = stores.snapshot();
        CliResult r = cli().env(TrustEnvironment.JAVA_PASSWORD, "wrong").run("export-proxy-cert", "--install", "--store", "java,nss")
                .assertExit(6)
                .assertOut("java     " + stores.keystore + ": failed (cannot open it:")
                .assertOut("set ORODC_TRUST_JAVA_PASSWORD")
                .assertOut("nss      " + stores.nssDb + ": trusted");
        assertThat(r.out().lines().filter(l -> l.startsWith("java")).toList()).hasSize(1);
        assertThat(stores.snapshot().get("java")).isEqualTo(before.get("java"));
    }

    @Test
    void withoutCertutilAnExplicitNssStoreIsSkippedNamingThePackageAndFails() {
        cli().env("PATH", work.resolve("empty-path").toString()).run("export-proxy-cert", "--install", "--store", "nss")
                .assertExit(6)
                .assertOut("nss: skipped (certutil not found: install libnss3-tools (Debian/Ubuntu)")
                .assertErr("error: --store nss: nothing was trusted there");
    }

    @Test
    void aFailedSystemRebuildLeavesTheAnchorDirectoryAlone() {
        Map<String, String> before = stores.snapshot();
        cli().env(TrustEnvironment.SYSTEM_UPDATE, "false").run("export-proxy-cert", "--install", "--store", "system")
                .assertExit(6)
                .assertOut("system   " + stores.localCertsDir + ": failed (false failed: exit code 1)");
        assertThat(stores.snapshot()).isEqualTo(before);
        assertThat(record()).isEmpty();
    }

    private String record() {
        Path file = home.resolve("state/trust-record.json");
        return Files.exists(file) ? TempTrustStoresAccess.read(file) : "";
    }

    private static String body(String pem) {
        return pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").strip();
    }

    /** Reading a file without checked exceptions in assertions. */
    private static final class TempTrustStoresAccess {
        static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
