package com.orodc.certs.trust;

/**
 * One thing orodc added to a trust store: enough to find it again and to check it is still ours.
 *
 * @param store    a {@link TrustStoreKind} id
 * @param location the store: anchor directory, NSS database directory, keystore file or keychain
 * @param name     the file name, nickname or alias under which the root was added
 * @param sha256   the fingerprint of the root that was added
 */
public record TrustEntry(String store, String location, String name, String sha256) {
    public TrustStoreKind kind() {
        return TrustStoreKind.of(store);
    }

    public boolean sameEntry(TrustEntry other) {
        return store.equals(other.store) && location.equals(other.location) && name.equals(other.name);
    }
}
