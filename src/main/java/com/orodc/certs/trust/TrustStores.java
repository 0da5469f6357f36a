package com.orodc.certs.trust;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The trust stores of this machine; what install, uninstall and status work on. */
public final class TrustStores {
    private final Map<TrustStoreKind, TrustStore> stores = new EnumMap<>(TrustStoreKind.class);

    public TrustStores(TrustEnvironment env) {
        this(List.of(new SystemTrustStore(env), new NssTrustStore(env), new JavaTrustStore(env), new KeychainTrustStore(env)));
    }

    TrustStores(List<TrustStore> all) {
        all.forEach(s -> stores.put(s.kind(), s));
    }

    public static TrustStores of(Map<String, String> environment) {
        return new TrustStores(TrustEnvironment.of(environment));
    }

    public List<TrustResult> install(RootCertificate root, Set<TrustStoreKind> kinds) {
        List<TrustResult> results = new ArrayList<>();
        for (TrustStoreKind kind : kinds) {
            results.addAll(stores.get(kind).install(root));
        }
        return results;
    }

    public TrustResult remove(TrustEntry entry) {
        return stores.get(entry.kind()).remove(entry);
    }

    /** Where this root is trusted, per store and location: what a status report shows. Changes nothing. */
    public List<TrustCheck> where(RootCertificate root) {
        List<TrustCheck> checks = new ArrayList<>();
        for (TrustStore store : stores.values()) {
            checks.addAll(store.check(root));
        }
        return checks;
    }
}
