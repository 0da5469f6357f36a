package com.orodc.certs;

import java.util.Optional;

/**
 * What the certificate directory should hold after a run.
 *
 * @param names          the leaf's names (the domain comes from here)
 * @param keyType        the key type of anything issued in this run
 * @param rotateCa       replace the root and intermediate even when they are valid
 * @param destroyRootKey delete the root key once the intermediate exists
 * @param adopt          an existing root CA to keep (and put our intermediate under)
 */
public record CertificateSpec(LeafNames names, KeyType keyType, boolean rotateCa, boolean destroyRootKey,
                              Optional<ExistingCa> adopt) {
    public String domain() {
        return names.domain();
    }
}
