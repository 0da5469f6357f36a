package com.orodc.docker.api;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private key in PEM, as docker's TLS set-ups write it: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA
 * ({@code RSA PRIVATE KEY}) or SEC 1 EC ({@code EC PRIVATE KEY}). The JDK reads only PKCS#8, so the other two are
 * wrapped into it: the same key with the algorithm named beside it.
 */
final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** 1.2.840.113549.1.1.1 */
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** 1.2.840.10045.2.1 */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private PemKeys() {
    }

    static PrivateKey read(Path file, byte[] pem) {
        String text = TlsFiles.text(pem);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.endsWith("PARAMETERS")) {
                continue; // openssl writes "EC PARAMETERS" before the key
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw unreadable(file, "its base64 is damaged");
            }
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(concat(new byte[] {0x02, 0x01, 0x00}, sequence(concat(RSA_ENCRYPTION, new byte[] {0x05, 0x00})),
                                    tlv(0x04, der)))));
                    case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(concat(new byte[] {0x02, 0x01, 0x00}, sequence(concat(EC_PUBLIC_KEY, curveOf(file, der))),
                                    tlv(0x04, der)))));
                    case "ENCRYPTED PRIVATE KEY" -> throw new OrodcException(ExitCode.CERTIFICATE, file
                            + " is encrypted with a passphrase, which orodc cannot ask for: decrypt it with"
                            + " openssl pkey -in key.pem -out key.pem");
                    default -> throw unreadable(file, "it holds a " + type + ", not a private key");
                };
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw unreadable(file, e.getMessage());
            }
        }
        throw unreadable(file, "no PEM private key in it");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The named curve of a SEC 1 key: the OID in its [0] parameters. */
    private static byte[] curveOf(Path file, byte[] sec1) {
        // ECPrivateKey ::= SEQUENCE { version INTEGER, privateKey OCTET STRING, [0] parameters, [1] publicKey }
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) {
            throw unreadable(file, "its EC key is not a DER sequence");
        }
        int p = outer.contentStart;
        while (p < outer.end) {
            Der item = new Der(sec1, p);
            if (item.tag == 0xA0) {
                Der oid = new Der(sec1, item.contentStart);
                if (oid.tag == 0x06) {
                    return Arrays.copyOfRange(sec1, item.contentStart, oid.end);
                }
            }
            p = item.end;
        }
        throw unreadable(file, "its EC key names no curve; write it with openssl ec -param_out or as PKCS#8");
    }

    /** One DER element's tag and where its content starts and ends. */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int end;

        Der(byte[] b, int at) {
            if (at + 2 > b.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            tag = b[at] & 0xFF;
            int len = b[at + 1] & 0xFF;
            int p = at + 2;
            if (len > 0x80) {
                int n = len & 0x7F;
                if (n > 3 || p + n > b.length) {
                    throw new IllegalArgumentException("bad DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p++] & 0xFF);
                }
            } else if (len == 0x80) {
                throw new IllegalArgumentException("indefinite DER length");
            }
            contentStart = p;
            end = p + len;
            if (end > b.length) {
                throw new IllegalArgumentException("truncated DER");
            }
        }
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static OrodcException unreadable(Path file, String why) {
        return new OrodcException(ExitCode.CERTIFICATE, file + " is not a private key orodc can read (" + why
                + "): use a PEM key in PKCS#8, PKCS#1 RSA or SEC 1 EC form, for example openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
}
