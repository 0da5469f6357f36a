package com.orodc.certs;

import com.orodc.certs.CertificateChange.Action;
import com.orodc.certs.CertificateChange.Part;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, keeping and renewing the certificate set, checked with the JDK's own PKIX validator. */
class CertificateDirectoryTest {
    static final String DOMAIN = "docker.local";

    @TempDir
    Path home;

    final List<String> reports = new ArrayList<>();

    CertFiles files() {
        return new CertFiles(home.resolve("certs"));
    }

    List<CertificateChange> ensure(CertificateSpec spec, Clock clock) {
        Reporter reporter = (level, message) -> reports.add(level + " " + message);
        return new CertificateDirectory(files(), clock, TestCertificates.OWNER, reporter).ensure(spec);
    }

    List<CertificateChange> ensure(CertificateSpec spec) {
        return ensure(spec, Clock.systemUTC());
    }

    static CertificateSpec spec(String... extraNames) {
        return new CertificateSpec(LeafNames.of(DOMAIN, List.of(extraNames)), KeyType.ECDSA_P256, false, false, Optional.empty());
    }

    static CertificateSpec spec(KeyType type) {
        return new CertificateSpec(LeafNames.of(DOMAIN, List.of()), type, false, false, Optional.empty());
    }

    static Clock later(Duration by) {
        return Clock.offset(Clock.systemUTC(), by);
    }

    X509Certificate root() {
        return TestCertificates.read(files().rootCert());
    }

    X509Certificate intermediate() {
        return TestCertificates.read(files().intermediateCert());
    }

    X509Certificate leaf() {
        return TestCertificates.read(files().leafCert());
    }

    @Test
    void firstRunCreatesEveryFileWithOwnerOnlyKeys() throws Exception {
        List<CertificateChange> changes = ensure(spec());

        assertThat(changes).extracting(CertificateChange::part, CertificateChange::action).contains(
                Tuple.tuple(Part.ROOT, Action.CREATED),
                Tuple.tuple(Part.INTERMEDIATE, Action.CREATED),
                Tuple.tuple(Part.LEAF, Action.CREATED),
                Tuple.tuple(Part.CHAIN, Action.WRITTEN));
        CertFiles f = files();
        assertThat(mode(f.dir())).isEqualTo("rwx------");
        for (Path key : List.of(f.rootKey(), f.intermediateKey(), f.leafKey())) {
            assertThat(mode(key)).as(key.toString()).isEqualTo("rw-------");
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        }
        for (Path cert : List.of(f.rootCert(), f.intermediateCert(), f.leafCert(), f.chain())) {
            assertThat(mode(cert)).as(cert.toString()).isEqualTo("rw-r--r--");
        }
        assertThat(Files.readString(f.chain())).isEqualTo(Files.readString(f.leafCert()) + Files.readString(f.intermediateCert()));
        try (var listing = Files.list(f.dir())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "root-ca.pem", "root-ca.key", "intermediate-ca.pem", "intermediate-ca.key", "leaf.pem", "leaf.key", "fullchain.pem");
        }
        assertThat(reports).anyMatch(r -> r.startsWith("INFO root CA created"));
    }

    @Test
    void theJdkValidatesTheChainAndRefusesANameOutsideTheConstraints() throws Exception {
        ensure(spec("shop.docker.local"));
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());

        var signer = new CertificateWithKey(intermediate(), TestCertificates.readKey(files().intermediateKey()));
        X509Certificate evil = TestCertificates.leafSignedBy(signer, "evil.example.com").certificate();
        assertThatThrownBy(() -> TestCertificates.validateWithJdk(root(), intermediate(), evil))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("name");
    }

    @Test
    void certificatesCarryTheAskedForNamesUsagesAndLifetimes() throws Exception {
        Instant now = Instant.now();
        ensure(spec("shop.docker.local", "*.api.docker.local"));
        X509Certificate root = root();
        X509Certificate intermediate = intermediate();
        X509Certificate leaf = leaf();

        assertThat(root.getSubjectX500Principal().getName()).contains("CN=OroDC Local CA").contains("OU=tester@test-host");
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Duration.between(now, root.getNotAfter().toInstant()).toDays()).isBetween(3649L, 3650L);
        assertThat(intermediate.getBasicConstraints()).isZero();
        assertThat(intermediate.getCriticalExtensionOIDs()).contains("2.5.29.30", "2.5.29.19", "2.5.29.15");
        assertThat(Duration.between(now, intermediate.getNotAfter().toInstant()).toDays()).isBetween(1824L, 1826L);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[2]).as("keyEncipherment (RSA only)").isFalse();
        Duration validity = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        assertThat(validity).isLessThanOrEqualTo(Duration.ofDays(397));
        assertThat(LeafNames.namesOf(leaf)).containsExactly("docker.local", "*.docker.local", "*.api.docker.local",
                "localhost", "shop.docker.local", "127.0.0.1", "::1");
        assertThat(leaf.getSerialNumber().bitLength()).isEqualTo(128);
        assertThat(intermediate.getSerialNumber()).isNotEqualTo(leaf.getSerialNumber());
        assertThat(leaf.getPublicKey()).isInstanceOf(ECPublicKey.class);
    }

    @Test
    void aSecondRunChangesNoFileNotEvenItsTime() throws Exception {
        ensure(spec());
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        Thread.sleep(20);

        List<CertificateChange> changes = ensure(spec());

        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
        assertThat(changes).allMatch(c -> c.action() == Action.KEPT);
        assertThat(changes).extracting(CertificateChange::part).contains(Part.ROOT, Part.INTERMEDIATE, Part.LEAF);
    }

    @Test
    void aLeafThatExpiredLongAgoSaysSoInsteadOfNegativeDaysLeft() {
        ensure(spec(), later(Duration.ofDays(-1095)));

        List<CertificateChange> changes = ensure(spec());

        assertThat(changes).filteredOn(c -> c.part() == Part.LEAF).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.REISSUED);
            assertThat(c.reason()).matches("it expired on \\d{4}-\\d\\d-\\d\\d \\(70[01] days ago\\)");
        });
    }

    @Test
    void aLeafWithTenDaysLeftIsReissuedUnderTheSameRoot() throws Exception {
        Clock issued = later(Duration.ofDays(-385));
        ensure(spec(), issued);
        String fingerprint = Fingerprint.sha256(root());
        X509Certificate oldLeaf = leaf();
        String intermediateBefore = Files.readString(files().intermediateCert());
        assertThat(Duration.between(Instant.now(), oldLeaf.getNotAfter().toInstant()).toDays()).isBetween(9L, 10L);

        List<CertificateChange> changes = ensure(spec());

        assertThat(changes).filteredOn(c -> c.part() == Part.LEAF).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.REISSUED);
            assertThat(c.reason()).contains("days left");
        });
        assertThat(Fingerprint.sha256(root())).isEqualTo(fingerprint);
        assertThat(Files.readString(files().intermediateCert())).isEqualTo(intermediateBefore);
        assertThat(Duration.between(Instant.now(), leaf().getNotAfter().toInstant()).toDays()).isGreaterThan(390);
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());
        assertThat(CertificateStatus.read(files(), Clock.systemUTC()).orElseThrow().leafDaysLeft()).isGreaterThan(390);
    }

    @Test
    void aLeafWithMoreThanThirtyDaysLeftIsKept() {
        ensure(spec(), later(Duration.ofDays(-360)));
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        ensure(spec());
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
    }

    @Test
    void changedNamesReissueTheLeafOnly() throws Exception {
        ensure(spec());
        String root = Files.readString(files().rootCert());
        String intermediate = Files.readString(files().intermediateCert());

        List<CertificateChange> changes = ensure(spec("shop.docker.local"));

        assertThat(changes).filteredOn(c -> c.part() == Part.LEAF).singleElement()
                .satisfies(c -> assertThat(c.describe()).isEqualTo(
                        "leaf certificate re-issued: names changed (added shop.docker.local)"));
        assertThat(LeafNames.namesOf(leaf())).contains("shop.docker.local");
        assertThat(Files.readString(files().rootCert())).isEqualTo(root);
        assertThat(Files.readString(files().intermediateCert())).isEqualTo(intermediate);
    }

    @Test
    void aLeafKeyReplacedByAnotherKeyIsRefusedAndLeftAsItIs() throws Exception {
        ensure(spec());
        TestCertificates.write(files().leafKey(), Pem.encode(KeyType.ECDSA_P256.generate().getPrivate()));
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());

        assertThatThrownBy(() -> ensure(spec())).isInstanceOfSatisfying(OrodcException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CERTIFICATE);
            assertThat(e.getMessage()).isEqualTo(files().leafKey() + " does not belong to leaf.pem; restore the key that"
                    + " does, or delete leaf.pem and leaf.key to have a new pair issued");
        });
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
    }

    @Test
    void rsaKeysOnRequestWithKeyEncipherment() throws Exception {
        ensure(spec(KeyType.RSA_2048));
        assertThat(((RSAPublicKey) leaf().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((RSAPublicKey) root().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(leaf().getKeyUsage()[2]).as("keyEncipherment").isTrue();
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());

        String root = Files.readString(files().rootCert());
        List<CertificateChange> changes = ensure(spec(KeyType.RSA_3072));
        assertThat(changes).filteredOn(c -> c.part() == Part.LEAF).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("key type changed from RSA 2048 to RSA 3072"));
        assertThat(((RSAPublicKey) leaf().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(Files.readString(files().rootCert())).as("the root stays").isEqualTo(root);
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());
    }

    @Test
    void withoutAKeyTypeEveryPartKeepsItsOwn() throws Exception {
        ensure(spec(KeyType.RSA_2048));
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        CertificateSpec unspecified = new CertificateSpec(LeafNames.of(DOMAIN, List.of()), Optional.empty(), false, false,
                Optional.empty());
        ensure(unspecified);
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);

        ensure(new CertificateSpec(LeafNames.of(DOMAIN, List.of("shop.docker.local")), Optional.empty(), false, false,
                Optional.empty()));
        assertThat(KeyType.of(leaf().getPublicKey())).contains(KeyType.RSA_2048);
    }

    @Test
    void rotateCaReplacesRootAndIntermediate() throws Exception {
        ensure(spec());
        String oldFingerprint = Fingerprint.sha256(root());
        String oldIntermediate = Files.readString(files().intermediateCert());

        List<CertificateChange> changes = ensure(new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256,
                true, false, Optional.empty()));

        assertThat(Fingerprint.sha256(root())).isNotEqualTo(oldFingerprint);
        assertThat(Files.readString(files().intermediateCert())).isNotEqualTo(oldIntermediate);
        assertThat(changes).extracting(CertificateChange::describe)
                .contains("root CA created: rotation asked for; trust the new root",
                        "intermediate CA re-issued: the root CA is new", "leaf certificate re-issued: the intermediate CA is new");
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());
    }

    @Test
    void destroyRootKeyKeepsWorkingUntilANewIntermediateIsNeeded() throws Exception {
        ensure(spec());
        List<CertificateChange> changes = ensure(new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256,
                false, true, Optional.empty()));
        assertThat(changes).extracting(CertificateChange::part, CertificateChange::action)
                .contains(Tuple.tuple(Part.ROOT_KEY, Action.DESTROYED));
        assertThat(files().rootKey()).doesNotExist();
        assertThat(CertificateStatus.read(files(), Clock.systemUTC()).orElseThrow().rootKeyKept()).isFalse();

        // leaves are still renewed: the intermediate signs them
        ensure(spec("shop.docker.local"));
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());

        // another domain needs another intermediate, which needs the root key
        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        CertificateSpec otherDomain = new CertificateSpec(LeafNames.of("dev.test", List.of()), KeyType.ECDSA_P256,
                false, false, Optional.empty());
        assertThatThrownBy(() -> ensure(otherDomain))
                .hasMessage("a new intermediate CA is needed (its name constraints do not cover dev.test) but the root CA"
                        + " key was destroyed; rotate the CA (--rotate-ca) and trust the new root");
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
    }

    @Test
    void destroyingTheRootKeyOnTheFirstRunNeverWritesIt() {
        ensure(new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256, false, true, Optional.empty()));
        assertThat(files().rootKey()).doesNotExist();
        assertThat(files().intermediateKey()).exists();
    }

    @Test
    void aNewDomainGetsANewIntermediateUnderTheSameRoot() throws Exception {
        ensure(spec());
        String fingerprint = Fingerprint.sha256(root());
        ensure(new CertificateSpec(LeafNames.of("shop.test", List.of()), KeyType.ECDSA_P256, false, false, Optional.empty()));
        assertThat(Fingerprint.sha256(root())).isEqualTo(fingerprint);
        assertThat(LeafNames.namesOf(leaf())).contains("shop.test", "*.shop.test");
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());
    }

    @Test
    void nothingOutlivesTheRootAndAnExpiringRootDoesNotCauseEndlessRenewal() throws Exception {
        CertificateWithKey old = new CertificateIssuer(later(Duration.ofDays(-3640)), TestCertificates.OWNER)
                .root(KeyType.ECDSA_P256);
        ExistingCa ca = ExistingCa.fromPem(Pem.encode(old.certificate()), Pem.encode(old.key()), "/legacy");
        ensure(new CertificateSpec(LeafNames.of(DOMAIN, List.of()), KeyType.ECDSA_P256, false, false, Optional.of(ca)));

        assertThat(intermediate().getNotAfter()).isEqualTo(root().getNotAfter());
        assertThat(leaf().getNotAfter()).isEqualTo(root().getNotAfter());
        TestCertificates.validateWithJdk(root(), intermediate(), leaf());

        DirectorySnapshot before = DirectorySnapshot.of(files().dir());
        reports.clear();
        ensure(spec());
        assertThat(DirectorySnapshot.of(files().dir())).isEqualTo(before);
        assertThat(reports).anyMatch(r -> r.startsWith("WARN the root CA expires on ")
                && r.endsWith("; rotate the CA (--rotate-ca) and trust the new root before then"));
    }

    @Test
    void aMissingLeafOrChainIsWrittenAgainFromTheSameCa() throws Exception {
        ensure(spec());
        String intermediate = Files.readString(files().intermediateCert());
        Files.delete(files().leafCert());
        Files.delete(files().leafKey());
        Files.delete(files().chain());

        List<CertificateChange> changes = ensure(spec());

        assertThat(changes).extracting(CertificateChange::describe)
                .contains("leaf certificate created: none existed", "full chain written: leaf + intermediate");
        assertThat(Files.readString(files().intermediateCert())).isEqualTo(intermediate);
        assertThat(Files.readString(files().chain())).isEqualTo(Files.readString(files().leafCert()) + intermediate);

        Files.writeString(files().chain(), Files.readString(files().leafCert()));
        assertThat(ensure(spec())).extracting(CertificateChange::describe)
                .contains("full chain written: it did not hold the current leaf + intermediate");
    }

    @Test
    void looseKeyPermissionsAreTightened() throws Exception {
        ensure(spec());
        Files.setPosixFilePermissions(files().leafKey(), PosixFilePermissions.fromString("rw-r--r--"));
        ensure(spec());
        assertThat(mode(files().leafKey())).isEqualTo("rw-------");
        assertThat(reports).anyMatch(r -> r.equals("WARN removed group and other permissions from " + files().leafKey()));
    }

    @Test
    void statusDescribesTheSet() {
        assertThat(CertificateStatus.read(files(), Clock.systemUTC())).isEmpty();
        ensure(spec());
        CertificateStatus status = CertificateStatus.read(files(), Clock.systemUTC()).orElseThrow();
        assertThat(status.rootSubject()).contains("CN=OroDC Local CA");
        assertThat(status.rootFingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(status.rootKeyKept()).isTrue();
        assertThat(status.leafNames()).containsExactly("docker.local", "*.docker.local", "localhost", "127.0.0.1", "::1");
        assertThat(status.leafDaysLeft()).isBetween(393L, 395L);
        assertThat(status.keyType()).isEqualTo("ECDSA P-256");
        assertThat(status.leafNeedsRenewal()).isFalse();
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
