package com.orodc.certs;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A root CA made elsewhere that users already trust, such as the {@code ca.crt}/{@code ca.key} pair of the
 * bash OroDC. Adopting it keeps that trust: our constrained intermediate is issued under it.
 */
public record ExistingCa(X509Certificate certificate, PrivateKey key, String origin) {
    public static final String CERT_FILE = "ca.crt";
    public static final String KEY_FILE = "ca.key";

    /** The CA in a directory holding {@code ca.crt} and {@code ca.key}. */
    public static ExistingCa fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw OrodcException.io(dir + " is not a directory; give the directory that holds "
                    + CERT_FILE + " and " + KEY_FILE, null);
        }
        return fromPem(read(dir.resolve(CERT_FILE)), read(dir.resolve(KEY_FILE)), dir.toString());
    }

    /** The CA from its two PEM texts (for example read from a Docker volume); {@code origin} names it in errors. */
    public static ExistingCa fromPem(String certificatePem, String keyPem, String origin) {
        X509Certificate certificate = Pem.certificate(certificatePem, origin + "/" + CERT_FILE);
        PrivateKey key = Pem.privateKey(keyPem, origin + "/" + KEY_FILE);
        if (!isRootCa(certificate)) {
            throw new OrodcException(ExitCode.CERTIFICATE, origin + "/" + CERT_FILE + " (" + subject(certificate)
                    + ") is not a self-signed CA certificate; adopt the root CA that the browsers trust");
        }
        if (!KeyMatch.matches(certificate, key)) {
            throw new OrodcException(ExitCode.CERTIFICATE, origin + "/" + KEY_FILE + " does not belong to "
                    + origin + "/" + CERT_FILE + "; give the key that was created with that certificate");
        }
        return new ExistingCa(certificate, key, origin);
    }

    /** Fails when the CA has expired at {@code now}: a leaf under it would be refused everywhere. */
    public void checkValidAt(Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new OrodcException(ExitCode.CERTIFICATE, origin + "/" + CERT_FILE + " expired on "
                    + certificate.getNotAfter().toInstant() + "; adopt a valid CA or create a new one without --adopt-ca");
        }
    }

    /**
     * A self-signed certificate that may sign others: basicConstraints CA:TRUE (and keyCertSign when key usage
     * is given), or a version 1 certificate, which openssl and Java accept as a trust anchor.
     */
    static boolean isRootCa(X509Certificate c) {
        if (!KeyMatch.signedBy(c, c)) {
            return false;
        }
        if (c.getVersion() == 1) {
            return true;
        }
        boolean[] usage = c.getKeyUsage();
        boolean mayCertSign = usage == null || (usage.length > 5 && usage[5]);
        return c.getBasicConstraints() >= 0 && mayCertSign;
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw FileProblem.cannot("read", file, e, "give the directory that holds the " + CERT_FILE + " and "
                    + KEY_FILE + " of the OroDC CA");
        }
    }
}
