package com.orodc.certs.trust;

import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of trust store orodc can add its root to, by the names {@code --store} accepts. */
public enum TrustStoreKind {
    SYSTEM, NSS, JAVA, KEYCHAIN,
    /** Windows' CurrentUser root store, from inside WSL 2. */
    WINDOWS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrustStoreKind of(String id) {
        for (TrustStoreKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        throw OrodcException.usage("unknown trust store '" + UntrustedText.of(id) + "': expected " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(TrustStoreKind::id).collect(Collectors.joining(", "));
    }
}
