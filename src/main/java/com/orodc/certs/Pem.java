package com.orodc.certs;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM text in and out. Keys are written as unencrypted PKCS#8; reading also accepts the PKCS#1 and SEC1
 * forms older openssl versions wrote, so an existing OroDC CA can be adopted.
 */
public final class Pem {
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
        List<X509Certificate> result = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder holder)) {
                    throw corrupt(origin, "holds " + describe(o) + " where a certificate was expected");
                }
                result.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            throw corrupt(origin, "is not a readable PEM certificate (" + oneLine(e) + ")");
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
        Object o;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            o = parser.readObject();
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(origin, "is not a readable PEM private key (" + oneLine(e) + ")");
        }
        PrivateKeyInfo info;
        if (o instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (o instanceof PrivateKeyInfo pki) {
            info = pki;
        } else if (o == null) {
            throw corrupt(origin, "holds no PEM private key");
        } else {
            throw corrupt(origin, "holds " + describe(o) + " where an unencrypted private key was expected");
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw corrupt(origin, "holds a private key of an unsupported kind (" + oneLine(e) + "); expected RSA or EC");
        }
        if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
            throw corrupt(origin, "holds a key of type " + key.getAlgorithm() + "; expected an RSA or EC key");
        }
        return key;
    }

    private static String describe(Object o) {
        String name = o.getClass().getSimpleName();
        if (name.contains("Encrypted")) {
            return "an encrypted key (decrypt it with openssl pkey first)";
        }
        if (o instanceof X509CertificateHolder) {
            return "a certificate";
        }
        return "a " + name.replace("Holder", "").replace("PEM", "PEM ");
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }

    private static OrodcException corrupt(String origin, String what) {
        return new OrodcException(ExitCode.CERTIFICATE, origin + " " + what);
    }
}
