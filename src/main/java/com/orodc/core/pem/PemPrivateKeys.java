package com.orodc.core.pem;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * The private key of PEM text, JDK only: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and
 * SEC 1 EC ({@code EC PRIVATE KEY}), the forms openssl and docker's TLS set-ups write. The JDK reads only PKCS#8, so
 * the other two are wrapped into it: the same key with its algorithm named beside it.
 */
public final class PemPrivateKeys {
    /** 1.2.840.113549.1.1.1 */
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** 1.2.840.10045.2.1 */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final byte[] NULL = {0x05, 0x00};
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    /** Why a key was not read: the callers word each for their users. */
    public enum Problem { NO_KEY, ENCRYPTED, NOT_A_KEY, UNREADABLE }

    /** A key that was not read, with what the text held instead ({@code a certificate}) or what went wrong. */
    public static final class KeyException extends Exception {
        private final Problem problem;

        KeyException(Problem problem, String detail) {
            super(detail);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private PemPrivateKeys() {
    }

    /** The first private key in {@code text}; EC parameter blocks before it are skipped. */
    public static PrivateKey read(String text) throws KeyException {
        List<PemBlock> blocks;
        try {
            blocks = PemBlock.all(text);
        } catch (PemException e) {
            throw new KeyException(Problem.UNREADABLE, e.getMessage());
        }
        for (PemBlock block : blocks) {
            if (block.type().endsWith("PARAMETERS")) {
                continue; // openssl writes "EC PARAMETERS" before the key
            }
            if (block.encrypted() || block.type().equals("ENCRYPTED PRIVATE KEY")) {
                throw new KeyException(Problem.ENCRYPTED, "an encrypted key");
            }
            try {
                return switch (block.type()) {
                    case "PRIVATE KEY" -> pkcs8(block.der());
                    case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(VERSION_0, sequence(RSA_ENCRYPTION, NULL), tlv(0x04, block.der()))));
                    case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(VERSION_0, sequence(EC_PUBLIC_KEY, curveOf(block.der())), tlv(0x04, block.der()))));
                    case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" -> throw new KeyException(Problem.NOT_A_KEY, "a certificate");
                    default -> throw new KeyException(Problem.NOT_A_KEY, "a PEM " + block.type() + " block");
                };
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new KeyException(Problem.UNREADABLE, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new KeyException(Problem.NO_KEY, "no PEM private key");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The named curve of a SEC 1 key: the OID in its [0] parameters. */
    private static byte[] curveOf(byte[] sec1) {
        // ECPrivateKey ::= SEQUENCE { version INTEGER, privateKey OCTET STRING, [0] parameters, [1] publicKey }
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) {
            throw new IllegalArgumentException("its EC key is not a DER sequence");
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
        throw new IllegalArgumentException("its EC key names no curve; write it with openssl ec -param_out or as PKCS#8");
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

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
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
}
