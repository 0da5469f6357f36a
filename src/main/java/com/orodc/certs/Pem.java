package com.orodc.certs;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.pem.PemBlock;
import com.orodc.core.pem.PemException;
import com.orodc.core.pem.PemPrivateKeys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * PEM text in and out, with the JDK alone: reading a status needs no Bouncy Castle. Keys are written as unencrypted
 * PKCS#8; reading also accepts the PKCS#1 and SEC1 forms older openssl versions wrote, so an existing OroDC CA can
 * be adopted.
 */
public final class Pem {
    private static final Set<String> CERTIFICATE_TYPES = Set.of("CERTIFICATE", "X509 CERTIFICATE");
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String encode(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** Every certificate in {@code text}, in order; at least one. {@code origin} names the text in errors. */
    public static List<X509Certificate> certificates(String text, String origin) {
        List<PemBlock> blocks;
        try {
            blocks = PemBlock.all(text);
        } catch (PemException e) {
            throw corrupt(origin, "is not a readable PEM certificate (" + e.getMessage() + ")");
        }
        List<X509Certificate> result = new ArrayList<>();
        for (PemBlock block : blocks) {
            if (!CERTIFICATE_TYPES.contains(block.type())) {
                throw corrupt(origin, "holds " + describe(block) + " where a certificate was expected");
            }
            try {
                result.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | RuntimeException e) {
                throw corrupt(origin, "is not a readable PEM certificate (" + oneLine(e) + ")");
            }
        }
        if (result.isEmpty()) {
            throw corrupt(origin, "holds no PEM certificate");
        }
        return result;
    }

    public static X509Certificate certificate(String text, String origin) {
        return certificates(text, origin).get(0);
    }

    /** The one unencrypted RSA or EC private key in {@code text}. */
    public static PrivateKey privateKey(String text, String origin) {
        PrivateKey key;
        try {
            key = PemPrivateKeys.read(text);
        } catch (PemPrivateKeys.KeyException e) {
            throw switch (e.problem()) {
                case NO_KEY -> corrupt(origin, "holds no PEM private key");
                case ENCRYPTED -> corrupt(origin, "holds an encrypted key (decrypt it with openssl pkey first) where an unencrypted private key was expected");
                case NOT_A_KEY -> corrupt(origin, "holds " + e.getMessage() + " where an unencrypted private key was expected");
                case UNREADABLE -> corrupt(origin, "is not a readable PEM private key (" + e.getMessage() + "); expected an RSA or EC key");
            };
        }
        if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
            throw corrupt(origin, "holds a key of type " + key.getAlgorithm() + "; expected an RSA or EC key");
        }
        return key;
    }

    private static String describe(PemBlock block) {
        return block.type().contains("PRIVATE KEY") ? "a private key" : "a PEM " + block.type() + " block";
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }

    private static OrodcException corrupt(String origin, String what) {
        return new OrodcException(ExitCode.CERTIFICATE, origin + " " + what);
    }
}
