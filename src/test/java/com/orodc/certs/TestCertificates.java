package com.orodc.certs;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Certificates the product never makes, for tests: a leaf outside the constraints, another CA. */
final class TestCertificates {
    static final CaOwner OWNER = new CaOwner("tester", "test-host");

    private TestCertificates() {
    }

    /** A server certificate for {@code dnsName}, signed by {@code issuer} whatever its constraints say. */
    static CertificateWithKey leafSignedBy(CertificateWithKey issuer, String dnsName) {
        try {
            KeyPair pair = KeyType.ECDSA_P256.generate();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), new X500Name("CN=" + dnsName), pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            var signer = new JcaContentSignerBuilder(KeyMatch.signatureAlgorithm(issuer.key())).build(issuer.key());
            return new CertificateWithKey(new JcaX509CertificateConverter().getCertificate(b.build(signer)), pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A complete root + intermediate + leaf set made by our issuer, but not the one under test. */
    static CertificateWithKey[] otherSet(String domain) {
        CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC(), new CaOwner("other", "elsewhere"));
        CertificateWithKey root = issuer.root(KeyType.ECDSA_P256);
        CertificateWithKey intermediate = issuer.intermediate(root, KeyType.ECDSA_P256, domain);
        CertificateWithKey leaf = issuer.leaf(intermediate, KeyType.ECDSA_P256, LeafNames.of(domain, List.of()));
        return new CertificateWithKey[] {root, intermediate, leaf};
    }

    static X509Certificate read(Path pem) {
        try {
            return Pem.certificate(Files.readString(pem), pem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrivateKey readKey(Path pem) {
        try {
            return Pem.privateKey(Files.readString(pem), pem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's PKIX validation of leaf + intermediate against the root, revocation off. Throws when refused. */
    static void validateWithJdk(X509Certificate root, X509Certificate intermediate, X509Certificate leaf)
            throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, intermediate));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }
}
