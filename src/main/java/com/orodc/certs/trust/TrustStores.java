package com.orodc.certs.trust;

import com.orodc.core.wsl.WslEnvironment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The trust stores of this machine; what install, uninstall and status work on. */
public final class TrustStores {
    private final Map<TrustStoreKind, TrustStore> stores = new EnumMap<>(TrustStoreKind.class);

    public TrustStores(TrustEnvironment env) {
        this(stores(env));
    }

    /** The Windows store only inside WSL 2: elsewhere nothing about it is shown or tried unless asked for by name. */
    private static List<TrustStore> stores(TrustEnvironment env) {
        List<TrustStore> all = new ArrayList<>(List.of(new SystemTrustStore(env), new NssTrustStore(env),
                new JavaTrustStore(env), new KeychainTrustStore(env)));
        WslEnvironment wsl = env.wsl();
        if (wsl.isWsl2()) {
            all.add(new WindowsTrustStore(wsl, env.windowsPrograms(wsl)));
        }
        return all;
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
            TrustStore store = stores.get(kind);
            if (store != null) {
                results.addAll(store.install(root));
            } else if (kinds.size() < TrustStoreKind.values().length) {
                // named with --store: say why nothing happened there
                results.add(TrustResult.of(kind, "", TrustState.SKIPPED, "only in WSL 2"));
            }
        }
        return results;
    }

    public TrustResult remove(TrustEntry entry) {
        TrustStore store = stores.get(entry.kind());
        return store != null ? store.remove(entry)
                : TrustResult.of(entry.kind(), entry.location(), TrustState.SKIPPED, "only in WSL 2");
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
