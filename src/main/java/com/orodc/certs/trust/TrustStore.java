package com.orodc.certs.trust;

import java.util.List;

/** One kind of trust store on this machine, possibly at several locations (NSS has one per profile). */
public interface TrustStore {
    TrustStoreKind kind();

    /** Adds the root where it is not yet trusted; each result carries the entry to record when the name is ours. */
    List<TrustResult> install(RootCertificate root);

    /** Removes a recorded entry, only while it still holds the recorded fingerprint. */
    TrustResult remove(TrustEntry entry);

    /** Where the root is trusted: one answer per location; reads only, changes nothing. */
    List<TrustCheck> check(RootCertificate root);
}
