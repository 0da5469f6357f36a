package com.orodc.certs.trust;

import com.orodc.testing.Shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real trust stores in a temporary directory, each already holding a root that is not ours: an NSS database
 * made by certutil, a PKCS12 keystore, and a Debian-layout system store rebuilt by the real update-ca-certificates.
 */
public final class TempTrustStores {
    public static final String PASSWORD = "changeit-too";
    public static final String FOREIGN_ALIAS = "someone-else";

    public final Path nssDb;
    public final Path keystore;
    public final Path certsConf;
    public final Path certsDir;
    public final Path localCertsDir;
    public final Path etcCertsDir;
    public final Path hooksDir;

    public TempTrustStores(Path dir, Path foreignRootPem) {
        nssDb = dir.resolve("nssdb");
        keystore = dir.resolve("cacerts.p12");
        certsConf = dir.resolve("ca-certificates.conf");
        certsDir = dir.resolve("share-ca-certificates");
        localCertsDir = dir.resolve("local-ca-certificates");
        etcCertsDir = dir.resolve("etc-ssl-certs");
        hooksDir = dir.resolve("update.d");
        try {
            for (Path d : List.of(nssDb, certsDir.resolve("vendor"), localCertsDir, etcCertsDir, hooksDir)) {
                Files.createDirectories(d);
            }
            Shell.run("certutil", "-N", "-d", "sql:" + nssDb, "--empty-password").orFail();
            Shell.run("certutil", "-A", "-d", "sql:" + nssDb, "-n", FOREIGN_ALIAS, "-t", "C,,", "-i", foreignRootPem.toString()).orFail();

            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(FOREIGN_ALIAS, x509(Files.readAllBytes(foreignRootPem)));
            try (OutputStream out = Files.newOutputStream(keystore)) {
                ks.store(out, PASSWORD.toCharArray());
            }

            // one distribution root listed in the conf file and one local root an administrator added
            Files.copy(foreignRootPem, certsDir.resolve("vendor/vendor-root.crt"));
            Files.writeString(certsConf, "# test configuration\nvendor/vendor-root.crt\n");
            Files.copy(foreignRootPem, localCertsDir.resolve("admin-added.crt"));
            Shell.run(updateCommand()).orFail();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> updateCommand() {
        return List.of("update-ca-certificates", "--certsconf", certsConf.toString(), "--certsdir", certsDir.toString(),
                "--localcertsdir", localCertsDir.toString(), "--etccertsdir", etcCertsDir.toString(),
                "--hooksdir", hooksDir.toString());
    }

    /** The variables that point every store of orodc at these; the keychain stays out (not macOS). */
    public Map<String, String> environment() {
        return Map.of(
                TrustEnvironment.NSS_DBS, nssDb.toString(),
                TrustEnvironment.JAVA_CACERTS, keystore.toString(),
                TrustEnvironment.JAVA_PASSWORD, PASSWORD,
                TrustEnvironment.DEBIAN_DIR, localCertsDir.toString(),
                TrustEnvironment.SYSTEM_UPDATE, String.join(" ", updateCommand()));
    }

    public Path bundle() {
        return etcCertsDir.resolve("ca-certificates.crt");
    }

    /** Everything a store shows: NSS listing, keystore aliases and fingerprints, system files and links. */
    public Map<String, String> snapshot() {
        Map<String, String> s = new TreeMap<>();
        s.put("nss", Shell.run("certutil", "-L", "-d", "sql:" + nssDb).orFail().out());
        s.put("java", keystoreListing());
        s.put("bundle", read(bundle()));
        s.put("etc-ssl-certs", listing(etcCertsDir));
        s.put("local-ca-certificates", listing(localCertsDir));
        return s;
    }

    public byte[] keystoreBytes() {
        try {
            return Files.readAllBytes(keystore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeyStore loadKeystore() {
        try {
            return KeyStore.getInstance(keystore.toFile(), PASSWORD.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String keystoreListing() {
        try {
            KeyStore ks = loadKeystore();
            List<String> lines = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                lines.add(alias + " " + RootCertificate.fingerprintOf((X509Certificate) ks.getCertificate(alias)));
            }
            Collections.sort(lines);
            return String.join("\n", lines);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names with their link targets or contents, sorted. */
    private static String listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                String what = Files.isSymbolicLink(f) ? "-> " + Files.readSymbolicLink(f) : "= " + read(f).hashCode();
                lines.add(f.getFileName() + " " + what);
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate x509(byte[] bytes) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }
}
