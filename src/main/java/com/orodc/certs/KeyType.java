package com.orodc.certs;

import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of keys we issue. ECDSA P-256 is small and fast; RSA is there for clients that want it. */
public enum KeyType {
    ECDSA_P256("ecdsa", "ECDSA P-256"),
    RSA_2048("rsa2048", "RSA 2048"),
    RSA_3072("rsa3072", "RSA 3072");

    private final String option;
    private final String description;

    KeyType(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The name a user types: {@code ecdsa}, {@code rsa2048} or {@code rsa3072}. */
    public String option() {
        return option;
    }

    public String description() {
        return description;
    }

    public boolean isRsa() {
        return this != ECDSA_P256;
    }

    public KeyPair generate() {
        try {
            if (isRsa()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(this == RSA_2048 ? 2048 : 3072);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate " + description + " keys", e);
        }
    }

    /** The type of an existing key, empty when it is none of ours (for example an adopted RSA 4096 key). */
    public static Optional<KeyType> of(Key key) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits == 2048 ? Optional.of(RSA_2048) : bits == 3072 ? Optional.of(RSA_3072) : Optional.empty();
        }
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return Optional.of(ECDSA_P256);
        }
        return Optional.empty();
    }

    public static KeyType parse(String option) {
        String wanted = option.strip().toLowerCase(Locale.ROOT);
        for (KeyType t : values()) {
            if (t.option.equals(wanted)) {
                return t;
            }
        }
        throw OrodcException.usage("unknown key type '" + UntrustedText.of(option) + "': expected one of " + options());
    }

    public static String options() {
        return Arrays.stream(values()).map(KeyType::option).collect(Collectors.joining(", "));
    }
}
