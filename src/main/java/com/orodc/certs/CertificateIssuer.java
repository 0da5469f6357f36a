package com.orodc.certs;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/** Issues the three certificates: root CA, name-constrained intermediate CA, and the leaf. */
public final class CertificateIssuer {
    public static final String ROOT_COMMON_NAME = "OroDC Local CA";
    static final String INTERMEDIATE_COMMON_NAME = "OroDC Local Intermediate CA";
    static final String ORGANIZATION = "OroDC local development CA";

    static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    static final Duration INTERMEDIATE_VALIDITY = Duration.ofDays(1826);
    /** Apple and browsers refuse leaves valid for more than 397 days; keep a margin for clock skew. */
    public static final Duration LEAF_VALIDITY = Duration.ofDays(395);
    /** Certificates start a little in the past so a container with a lagging clock accepts them at once. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Supplier<CaOwner> ownerSource;
    private CaOwner owner;

    public CertificateIssuer(Clock clock, CaOwner owner) {
        this(clock, () -> owner);
    }

    /** The owner is looked up only when a certificate is issued: finding the host name can be slow on some systems. */
    public CertificateIssuer(Clock clock, Supplier<CaOwner> owner) {
        this.clock = clock;
        this.ownerSource = owner;
    }

    private String owner() {
        if (owner == null) {
            owner = ownerSource.get();
        }
        return owner.describe();
    }

    public CertificateWithKey root(KeyType keyType) {
        KeyPair pair = keyType.generate();
        Instant now = now();
        X500Name subject = name(ROOT_COMMON_NAME);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), date(now.minus(BACKDATE)),
                date(now.plus(ROOT_VALIDITY)), subject, pair.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(ext.createSubjectKeyIdentifier(pair.getPublic()).getKeyIdentifier()));
            return new CertificateWithKey(sign(b, new CertificateWithKey(null, pair.getPrivate())), pair.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the root CA certificate", e);
        }
    }

    /** An intermediate that may only issue names under {@code domain}, localhost and the loopback addresses. */
    public CertificateWithKey intermediate(CertificateWithKey root, KeyType keyType, String domain) {
        KeyPair pair = keyType.generate();
        Instant now = now();
        Instant notAfter = earliest(now.plus(INTERMEDIATE_VALIDITY), root.certificate().getNotAfter().toInstant());
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(root.certificate(), serial(),
                date(now.minus(BACKDATE)), date(notAfter), name(INTERMEDIATE_COMMON_NAME), pair.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.nameConstraints, true, IntermediateConstraints.forDomain(domain));
            addKeyIdentifiers(b, pair.getPublic(), root.certificate());
            return new CertificateWithKey(sign(b, root), pair.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the intermediate CA certificate", e);
        }
    }

    public CertificateWithKey leaf(CertificateWithKey intermediate, KeyType keyType, LeafNames names) {
        KeyPair pair = keyType.generate();
        Instant notBefore = now().minus(BACKDATE);
        Instant notAfter = earliest(notBefore.plus(LEAF_VALIDITY), intermediate.certificate().getNotAfter().toInstant());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "OroDC local development certificate")
                .addRDN(BCStyle.OU, owner())
                .addRDN(BCStyle.CN, names.domain())
                .build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(intermediate.certificate(), serial(),
                date(notBefore), date(notAfter), subject, pair.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (keyType.isRsa() ? KeyUsage.keyEncipherment : 0);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
            addKeyIdentifiers(b, pair.getPublic(), intermediate.certificate());
            return new CertificateWithKey(sign(b, intermediate), pair.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the leaf certificate", e);
        }
    }

    private static GeneralNames subjectAlternativeNames(LeafNames names) {
        List<GeneralName> list = new ArrayList<>();
        names.dnsNames().forEach(n -> list.add(new GeneralName(GeneralName.dNSName, n)));
        names.ipAddresses().forEach(ip -> list.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(list.toArray(GeneralName[]::new));
    }

    private static void addKeyIdentifiers(X509v3CertificateBuilder b, PublicKey subjectKey, X509Certificate issuer)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
        b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId(issuer, ext)));
    }

    /** The issuer's own key identifier, or one computed from its key when it has none (an adopted v1 root). */
    private static byte[] issuerKeyId(X509Certificate issuer, JcaX509ExtensionUtils ext) {
        byte[] value = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value != null) {
            return SubjectKeyIdentifier.getInstance(
                    DEROctetString.getInstance(value).getOctets()).getKeyIdentifier();
        }
        return ext.createSubjectKeyIdentifier(issuer.getPublicKey()).getKeyIdentifier();
    }

    private X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.OU, owner())
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, CertificateWithKey issuer)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(KeyMatch.signatureAlgorithm(issuer.key())).build(issuer.key());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** 128 random bits with the top bit set: positive, unpredictable, always the same length. */
    private static BigInteger serial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
