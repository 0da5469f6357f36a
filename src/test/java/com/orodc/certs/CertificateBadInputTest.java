package com.orodc.certs;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every bad input is refused with one line and an exit code, and the certificate directory is left exactly
 * as it was: same files, same bytes, same modes, same times.
 */
class CertificateBadInputTest {
    static final String DOMAIN = "docker.local";
    static final String CORRUPT_PEM = "-----BEGIN CERTIFICATE-----\nthis is not base64 at all!\n-----END CERTIFICATE-----\n";

    @TempDir
    Path home;

    CertFiles files;

    @BeforeEach
    void issue() {
        files = new CertFiles(home.resolve("certs"));
        ensure(spec(), Clock.systemUTC());
    }

    void ensure(CertificateSpec spec, Clock clock) {
        new CertificateDirectory(files, clock, TestCertificates.OWNER, Reporter.SILENT).ensure(spec);
    }

    static CertificateSpec spec() {
        return new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256, false, false, Optional.empty());
    }

    static CertificateSpec adopting(ExistingCa ca) {
        return new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256, false, false, Optional.of(ca));
    }

    /** Runs {@code action} on the current directory and checks the refusal; returns the message. */
    String refused(Runnable action, ExitCode code, String fragment) {
        DirectorySnapshot before = DirectorySnapshot.of(files.dir());
        OrodcException e = catchThrowableOfType(OrodcException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(fragment);
        assertThat(e.getMessage().lines()).as("one line").hasSize(1);
        assertThat(DirectorySnapshot.of(files.dir())).as("directory unchanged").isEqualTo(before);
        return e.getMessage();
    }

    String refusedRun(ExitCode code, String fragment) {
        return refused(() -> ensure(spec(), Clock.systemUTC()), code, fragment);
    }

    @Test
    void corruptCertificatePem() {
        TestCertificates.write(files.rootCert(), CORRUPT_PEM);
        String message = refusedRun(ExitCode.CERTIFICATE, files.rootCert() + " is not a readable PEM certificate");
        assertThat(message).contains("restore it from a backup, or rotate the CA (--rotate-ca)");
    }

    @Test
    void binaryGarbageWhereTheLeafShouldBe() throws Exception {
        Files.write(files.leafCert(), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13});
        refusedRun(ExitCode.CERTIFICATE, files.leafCert() + " holds no PEM certificate");
    }

    @Test
    void aCertificateWhereAKeyShouldBe() throws Exception {
        Files.copy(files.rootCert(), files.intermediateKey(), StandardCopyOption.REPLACE_EXISTING);
        refusedRun(ExitCode.CERTIFICATE, files.intermediateKey() + " holds a certificate where an unencrypted private key was expected");
    }

    @Test
    void aKeyOfAnotherKind() throws Exception {
        var ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        TestCertificates.write(files.rootKey(), Pem.encode(ed25519));
        refusedRun(ExitCode.CERTIFICATE, files.rootKey() + " holds a key of type EdDSA; expected an RSA or EC key");
    }

    @Test
    void anIntermediateThatDoesNotMatchItsKey() {
        TestCertificates.write(files.intermediateKey(), Pem.encode(KeyType.ECDSA_P256.generate().getPrivate()));
        refusedRun(ExitCode.CERTIFICATE, files.intermediateKey() + " does not belong to intermediate-ca.pem");
    }

    @Test
    void aRootThatDoesNotMatchItsKey() {
        TestCertificates.write(files.rootKey(), Pem.encode(KeyType.RSA_2048.generate().getPrivate()));
        refusedRun(ExitCode.CERTIFICATE, files.rootKey() + " does not belong to root-ca.pem");
    }

    @Test
    void anIntermediateFromAnotherRoot() {
        CertificateWithKey[] other = TestCertificates.otherSet(DOMAIN);
        TestCertificates.write(files.intermediateCert(), Pem.encode(other[1].certificate()));
        TestCertificates.write(files.intermediateKey(), Pem.encode(other[1].key()));
        refusedRun(ExitCode.CERTIFICATE, files.intermediateCert() + " was not issued by root-ca.pem");
    }

    @Test
    void anExpiredRoot() throws Exception {
        Files.walk(files.dir()).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        ensure(spec(), Clock.offset(Clock.systemUTC(), Duration.ofDays(-3660)));
        String message = refusedRun(ExitCode.CERTIFICATE, files.rootCert() + " expired on ");
        assertThat(message).endsWith("rotate the CA (--rotate-ca) and trust the new root");
    }

    @Test
    void theDirectoryIsAFile() throws Exception {
        Path file = home.resolve("plain-file");
        Files.writeString(file, "not a directory\n");
        files = new CertFiles(file);
        refusedRun(ExitCode.IO, file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory\n");
    }

    @Test
    void anUnreadableFile() throws Exception {
        Files.delete(files.leafCert());
        Files.createDirectory(files.leafCert());
        refusedRun(ExitCode.IO, "cannot read " + files.leafCert() + ": ");
    }



    @Test
    void aDirectoryThatCannotBeCreated() throws Exception {
        Path blocker = home.resolve("blocker");
        Files.writeString(blocker, "x");
        files = new CertFiles(blocker.resolve("certs"));
        refusedRun(ExitCode.IO, "cannot create " + files.dir());
    }


    @Test
    void adoptingACertificateThatIsNotACa() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("legacy"));
        Files.copy(files.leafCert(), legacy.resolve("ca.crt"));
        Files.copy(files.leafKey(), legacy.resolve("ca.key"));
        files = new CertFiles(home.resolve("fresh"));
        refused(() -> ExistingCa.fromDirectory(legacy), ExitCode.CERTIFICATE, "ca.crt (CN=docker.local");
        refused(() -> ExistingCa.fromDirectory(legacy), ExitCode.CERTIFICATE, "is not a self-signed CA certificate");
        assertThat(files.dir()).doesNotExist();
    }

    @Test
    void adoptingACaWithAnotherKey() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("legacy"));
        Files.copy(files.rootCert(), legacy.resolve("ca.crt"));
        Files.copy(files.leafKey(), legacy.resolve("ca.key"));
        refused(() -> ExistingCa.fromDirectory(legacy), ExitCode.CERTIFICATE, legacy + "/ca.key does not belong to " + legacy + "/ca.crt");
    }

    @Test
    void adoptingFromADirectoryWithoutTheFiles() throws Exception {
        Path empty = Files.createDirectories(home.resolve("empty"));
        refused(() -> ExistingCa.fromDirectory(empty), ExitCode.IO, "cannot read " + empty.resolve("ca.crt") + ": no such file");
        refused(() -> ExistingCa.fromDirectory(home.resolve("missing")), ExitCode.IO, "is not a directory");
    }

    @Test
    void adoptingAnotherCaOverAnExistingRootNeedsRotation() {
        CertificateWithKey[] other = TestCertificates.otherSet(DOMAIN);
        ExistingCa ca = ExistingCa.fromPem(Pem.encode(other[0].certificate()), Pem.encode(other[0].key()), "volume proxy_certs");
        String message = refused(() -> ensure(adopting(ca), Clock.systemUTC()), ExitCode.CERTIFICATE, "holds another root CA");
        assertThat(message).endsWith("add --rotate-ca to replace it with the one from volume proxy_certs");
    }

    @Test
    void adoptingAnExpiredCa() {
        CertificateWithKey old = new CertificateIssuer(Clock.offset(Clock.systemUTC(), Duration.ofDays(-3700)),
                TestCertificates.OWNER).root(KeyType.ECDSA_P256);
        ExistingCa ca = ExistingCa.fromPem(Pem.encode(old.certificate()), Pem.encode(old.key()), "/old");
        files = new CertFiles(home.resolve("fresh"));
        refused(() -> ensure(adopting(ca), Clock.systemUTC()), ExitCode.CERTIFICATE, "/old/ca.crt expired on ");
        assertThat(files.dir()).doesNotExist();
    }

    @Test
    void extraNamesOutsideTheDomainOrInvalid() {
        refused(() -> LeafNames.of(DOMAIN, List.of("evil.example.com")), ExitCode.USAGE,
                "extra name 'evil.example.com' is outside docker.local and localhost");
        refused(() -> LeafNames.of(DOMAIN, List.of("bad_name.docker.local")), ExitCode.USAGE,
                "extra name 'bad_name.docker.local' is not a valid host name");
        refused(() -> LeafNames.of(DOMAIN, List.of("notdocker.local")), ExitCode.USAGE, "is outside docker.local");
        assertThat(LeafNames.of(DOMAIN, List.of("Shop.Docker.Local.", "api.localhost")).dnsNames())
                .contains("shop.docker.local", "api.localhost");
    }

    @Test
    void anUnknownKeyType() {
        refused(() -> KeyType.parse("dsa"), ExitCode.USAGE, "unknown key type 'dsa': expected one of ecdsa, rsa2048, rsa3072");
    }
}
