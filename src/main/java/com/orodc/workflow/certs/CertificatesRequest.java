package com.orodc.workflow.certs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CertificatesWorkflow} should make of a certificate directory. Plain values, so a command or
 * another workflow can build it from flags and configuration.
 *
 * @param certDir        where the files live (normally {@code $ORODC_HOME/certs})
 * @param domain         CERT_DOMAIN: the leaf covers it and its wildcard; the intermediate is constrained to it
 * @param extraNames     more host names for the leaf, under the domain or localhost
 * @param keyType        {@code ecdsa}, {@code rsa2048} or {@code rsa3072}; empty keeps the type each part has
 *                       (ECDSA for new ones)
 * @param rotateCa       replace root and intermediate even when they are valid (they must be trusted again)
 * @param destroyRootKey delete the root key once the intermediate exists
 * @param adoptCaDir     a directory with the {@code ca.crt} and {@code ca.key} of an existing OroDC CA to keep
 * @param adoptCaPem     the same CA given as PEM texts (for example read from a Docker volume)
 */
public record CertificatesRequest(
        Path certDir,
        String domain,
        List<String> extraNames,
        Optional<String> keyType,
        boolean rotateCa,
        boolean destroyRootKey,
        Optional<Path> adoptCaDir,
        Optional<CaPem> adoptCaPem) {

    /** An existing CA as PEM texts; {@code origin} says where they came from, in messages. */
    public record CaPem(String certificate, String key, String origin) {
    }

    public CertificatesRequest {
        extraNames = List.copyOf(extraNames);
        if (adoptCaDir.isPresent() && adoptCaPem.isPresent()) {
            throw new IllegalArgumentException("adopt a CA from a directory or from PEM texts, not both");
        }
    }

    /** Keep (or create) the certificates for {@code domain}, with no extra names and the key types they have. */
    public static CertificatesRequest of(Path certDir, String domain) {
        return new CertificatesRequest(certDir, domain, List.of(), Optional.empty(), false, false,
                Optional.empty(), Optional.empty());
    }

    public CertificatesRequest withExtraNames(List<String> names) {
        return new CertificatesRequest(certDir, domain, names, keyType, rotateCa, destroyRootKey, adoptCaDir, adoptCaPem);
    }

    /** @param type {@code ecdsa}, {@code rsa2048}, {@code rsa3072}, or null to keep the current types */
    public CertificatesRequest withKeyType(String type) {
        return new CertificatesRequest(certDir, domain, extraNames, Optional.ofNullable(type), rotateCa, destroyRootKey, adoptCaDir, adoptCaPem);
    }

    public CertificatesRequest withRotateCa(boolean rotate) {
        return new CertificatesRequest(certDir, domain, extraNames, keyType, rotate, destroyRootKey, adoptCaDir, adoptCaPem);
    }

    public CertificatesRequest withDestroyRootKey(boolean destroy) {
        return new CertificatesRequest(certDir, domain, extraNames, keyType, rotateCa, destroy, adoptCaDir, adoptCaPem);
    }

    public CertificatesRequest adoptingCaDir(Path dir) {
        return new CertificatesRequest(certDir, domain, extraNames, keyType, rotateCa, destroyRootKey,
                Optional.ofNullable(dir), Optional.empty());
    }

    public CertificatesRequest adoptingCaPem(CaPem pem) {
        return new CertificatesRequest(certDir, domain, extraNames, keyType, rotateCa, destroyRootKey,
                Optional.empty(), Optional.ofNullable(pem));
    }
}
