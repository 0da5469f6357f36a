package com.orodc.certs.trust;

import com.orodc.certs.Fingerprint;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;

/**
 * The root certificate a user trusts, with the names every trust store gives it. The names derive from the
 * fingerprint, so installing twice finds the first copy instead of adding a second one.
 *
 * @param origin the PEM file it was read from, or null when it came from elsewhere
 */
public record RootCertificate(X509Certificate certificate, Path origin) {
    private static final String NAME_PREFIX = "orodc-local-ca-";

    public static RootCertificate read(Path pemFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pemFile);
        } catch (NoSuchFileException e) {
            throw OrodcException.io(pemFile + " does not exist", e);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + pemFile + ": " + e.getMessage() + "; fix its permissions", e);
        }
        X509Certificate cert = parse(bytes);
        if (cert == null) {
            throw new OrodcException(ExitCode.CERTIFICATE,
                    pemFile + " does not hold a PEM certificate: restore it or create the CA again");
        }
        return new RootCertificate(cert, pemFile);
    }

    /** Parses one certificate, PEM or DER; null when the bytes are not a certificate. */
    public static X509Certificate parse(byte[] pemOrDer) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    public byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always has an encoding", e);
        }
    }

    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** Upper-case hex pairs joined by colons, as openssl and browsers show it. */
    public String sha256() {
        return fingerprintOf(certificate);
    }

    /** The SHA-1 thumbprint Windows names the root by in its stores. */
    public String thumbprint() {
        return Fingerprint.sha1Thumbprint(certificate);
    }

    /** The name under which every store holds this root: file name stem, NSS nickname, keystore alias. */
    public String storeName() {
        return storeName(sha256());
    }

    public static String storeName(String sha256) {
        return NAME_PREFIX + sha256.replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public static String fingerprintOf(X509Certificate cert) {
        return Fingerprint.sha256(cert);
    }

    /** The fingerprint of the certificate in {@code pemOrDer}, or null when it holds none. */
    public static String fingerprintOf(byte[] pemOrDer) {
        X509Certificate cert = parse(pemOrDer);
        return cert == null ? null : fingerprintOf(cert);
    }
}
