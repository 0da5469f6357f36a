package com.orodc.certs;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What the certificate directory should hold after a run.
 *
 * @param names          the leaf's names (the domain comes from here)
 * @param keyType        the key type of anything issued in this run; when empty, a part keeps the type it has
 *                       (ECDSA P-256 for a new one), so a run without a choice never flips an RSA leaf back
 * @param rotateCa       replace the root and intermediate even when they are valid
 * @param destroyRootKey delete the root key once the intermediate exists
 * @param adopt          an existing root CA to keep (and put our intermediate under)
 */
public record CertificateSpec(LeafNames names, Optional<KeyType> keyType, boolean rotateCa, boolean destroyRootKey,
                              Optional<ExistingCa> adopt) {
    public static final KeyType DEFAULT_KEY_TYPE = KeyType.ECDSA_P256;

    public CertificateSpec(LeafNames names, KeyType keyType, boolean rotateCa, boolean destroyRootKey,
                           Optional<ExistingCa> adopt) {
        this(names, Optional.of(keyType), rotateCa, destroyRootKey, adopt);
    }

    public String domain() {
        return names.domain();
    }

    /** The key type for a new version of {@code existing}: the asked-for one, else the one it has, else the default. */
    KeyType keyTypeReplacing(Optional<X509Certificate> existing) {
        return keyType.or(() -> existing.flatMap(c -> KeyType.of(c.getPublicKey()))).orElse(DEFAULT_KEY_TYPE);
    }
}
