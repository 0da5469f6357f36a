package com.orodc.certs;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The certificates as openssl sees them: content, chain verification, constraints, adoption of a bash OroDC CA. */
class CertificateOpensslIT {
    static final String DOMAIN = "docker.local";

    @TempDir
    Path home;

    CertFiles files() {
        return new CertFiles(home.resolve("certs"));
    }

    List<CertificateChange> ensure(KeyType type, Optional<ExistingCa> adopt, String... extraNames) {
        CertificateSpec spec = new CertificateSpec(LeafNames.of(DOMAIN, List.of(extraNames)), type, false, false, adopt);
        return new CertificateDirectory(files(), Clock.systemUTC(), TestCertificates.OWNER, Reporter.SILENT).ensure(spec);
    }

    static String text(Path cert) {
        return Shell.run("openssl", "x509", "-in", cert.toString(), "-noout", "-text").orFail().out();
    }

    static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }

    Shell.Result verify(Path root, Path intermediate, Path leaf) {
        return Shell.run("openssl", "verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(), leaf.toString());
    }

    @Test
    void rootIsACaForTenYears() {
        ensure(KeyType.ECDSA_P256, Optional.empty());
        String root = normalized(text(files().rootCert()));
        assertThat(root)
                .contains("Subject: O = OroDC local development CA, OU = tester@test-host, CN = OroDC Local CA")
                .contains("X509v3 Basic Constraints: critical CA:TRUE")
                .contains("X509v3 Key Usage: critical Certificate Sign, CRL Sign")
                .contains("X509v3 Subject Key Identifier:")
                .contains("Public-Key: (256 bit)")
                .contains("NIST CURVE: P-256");
        assertThat(Shell.run("openssl", "x509", "-in", files().rootCert().toString(), "-noout", "-checkend",
                String.valueOf(3649L * 86400)).exitCode()).as("valid for 3649 more days").isZero();
        assertThat(Shell.run("openssl", "x509", "-in", files().rootCert().toString(), "-noout", "-checkend",
                String.valueOf(3651L * 86400)).exitCode()).as("but not 3651").isEqualTo(1);
    }

    @Test
    void intermediateIsConstrainedWithPathLengthZero() {
        ensure(KeyType.ECDSA_P256, Optional.empty());
        String intermediate = normalized(text(files().intermediateCert()));
        assertThat(intermediate)
                .contains("X509v3 Basic Constraints: critical CA:TRUE, pathlen:0")
                .contains("X509v3 Key Usage: critical Certificate Sign, CRL Sign")
                .contains("X509v3 Name Constraints: critical Permitted: DNS:docker.local DNS:localhost "
                        + "IP:127.0.0.0/255.0.0.0 IP:0:0:0:0:0:0:0:1/FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF")
                .contains("X509v3 Authority Key Identifier:");
    }

    @Test
    void leafServesTheDomainWithServerAuthForUnder397Days() {
        ensure(KeyType.ECDSA_P256, Optional.empty(), "shop.docker.local");
        String leaf = normalized(text(files().leafCert()));
        assertThat(leaf)
                .contains("X509v3 Extended Key Usage: TLS Web Server Authentication")
                .contains("X509v3 Key Usage: critical Digital Signature ")
                .doesNotContain("Key Encipherment")
                .contains("X509v3 Basic Constraints: critical CA:FALSE")
                .contains("X509v3 Subject Alternative Name: DNS:docker.local, DNS:*.docker.local, DNS:localhost, "
                        + "DNS:shop.docker.local, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
        assertThat(Shell.run("openssl", "x509", "-in", files().leafCert().toString(), "-noout", "-checkend",
                String.valueOf(393L * 86400)).exitCode()).isZero();
        assertThat(Shell.run("openssl", "x509", "-in", files().leafCert().toString(), "-noout", "-checkend",
                String.valueOf(397L * 86400)).exitCode()).isEqualTo(1);
        assertThat(verify(files().rootCert(), files().intermediateCert(), files().leafCert()).orFail().out())
                .isEqualTo(files().leafCert() + ": OK\n");
        // the key files are plain PKCS#8 that openssl reads, and the leaf key is the leaf's
        String keyPub = Shell.run("openssl", "pkey", "-in", files().leafKey().toString(), "-pubout").orFail().out();
        String certPub = Shell.run("openssl", "x509", "-in", files().leafCert().toString(), "-noout", "-pubkey").orFail().out();
        assertThat(keyPub).isEqualTo(certPub);
    }

    @Test
    void rsaLeavesAlsoAllowKeyEncipherment() {
        ensure(KeyType.RSA_3072, Optional.empty());
        String leaf = normalized(text(files().leafCert()));
        assertThat(leaf).contains("Public-Key: (3072 bit)").contains("X509v3 Key Usage: critical Digital Signature, Key Encipherment");
        assertThat(normalized(text(files().rootCert()))).contains("Public-Key: (3072 bit)");
        verify(files().rootCert(), files().intermediateCert(), files().leafCert()).orFail();
    }

    @Test
    void aLeafOutsideTheConstraintsIsRefused() throws Exception {
        ensure(KeyType.ECDSA_P256, Optional.empty());
        var signer = new CertificateWithKey(TestCertificates.read(files().intermediateCert()),
                TestCertificates.readKey(files().intermediateKey()));
        Path evil = home.resolve("evil.pem");
        Files.writeString(evil, Pem.encode(TestCertificates.leafSignedBy(signer, "evil.example.com").certificate()));

        Shell.Result r = verify(files().rootCert(), files().intermediateCert(), evil);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out() + r.err()).contains("permitted subtree violation");
    }

    @Test
    void adoptsTheCaTheBashOroDcMakes() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("legacy"));
        Shell.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "3650", "-subj", "/CN=OroDC Local CA"), legacy, 60).orFail();

        List<CertificateChange> changes = ensure(KeyType.ECDSA_P256, Optional.of(ExistingCa.fromDirectory(legacy)));

        assertThat(changes.get(0).describe()).startsWith("root CA adopted: from " + legacy + ", SHA-256 ");
        assertThat(TestCertificates.read(files().rootCert())).isEqualTo(TestCertificates.read(legacy.resolve("ca.crt")));
        assertThat(verify(legacy.resolve("ca.crt"), files().intermediateCert(), files().leafCert()).orFail().out()).endsWith(": OK\n");
        assertThat(normalized(text(files().intermediateCert()))).contains("Issuer: CN = OroDC Local CA");

        // adopting the same CA again changes nothing
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        ensure(KeyType.ECDSA_P256, Optional.of(ExistingCa.fromDirectory(legacy)));
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
    }

    @Test
    void adoptsAVersionOneRootWithoutExtensionsAndATraditionalKey() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("legacy"));
        Files.writeString(legacy.resolve("min.cnf"), "[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=OroDC Local CA\n");
        Shell.run(List.of("openssl", "req", "-x509", "-config", "min.cnf", "-newkey", "rsa:2048", "-nodes", "-keyout", "pkcs8.key",
                "-out", "ca.crt", "-days", "3650", "-subj", "/CN=OroDC Local CA"), legacy, 60).orFail();
        Shell.run(List.of("openssl", "pkey", "-in", "pkcs8.key", "-traditional", "-out", "ca.key"), legacy, 60).orFail();
        assertThat(Files.readString(legacy.resolve("ca.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(text(legacy.resolve("ca.crt"))).contains("Version: 1 (0x0)");

        ensure(KeyType.ECDSA_P256, Optional.of(ExistingCa.fromDirectory(legacy)));

        assertThat(verify(legacy.resolve("ca.crt"), files().intermediateCert(), files().leafCert()).orFail().out()).endsWith(": OK\n");
        TestCertificates.validateWithJdk(TestCertificates.read(files().rootCert()),
                TestCertificates.read(files().intermediateCert()), TestCertificates.read(files().leafCert()));
    }

    @Test
    void refusesAnEncryptedCaKey() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("legacy"));
        Shell.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-passout", "pass:secret", "-keyout", "ca.key",
                "-out", "ca.crt", "-days", "30", "-subj", "/CN=OroDC Local CA"), legacy, 60).orFail();
        OrodcException e = catchThrowableOfType(OrodcException.class, () -> ExistingCa.fromDirectory(legacy));
        assertThat(e.exitCode()).isEqualTo(ExitCode.CERTIFICATE);
        assertThat(e.getMessage()).isEqualTo(legacy + "/ca.key holds an encrypted key (decrypt it with openssl pkey first)"
                + " where an unencrypted private key was expected");
    }
}
