package com.orodc.certs;

import java.nio.file.Path;

/**
 * The certificate files in the state directory. The proxy container mounts {@link #dir()} read-only
 * and Traefik serves {@link #chain()} with {@link #leafKey()}.
 */
public record CertFiles(Path dir) {
    public Path rootCert() {
        return dir.resolve("root-ca.pem");
    }

    /** Present only while the root key is kept; {@code --destroy-root-key} removes it. */
    public Path rootKey() {
        return dir.resolve("root-ca.key");
    }

    public Path intermediateCert() {
        return dir.resolve("intermediate-ca.pem");
    }

    public Path intermediateKey() {
        return dir.resolve("intermediate-ca.key");
    }

    public Path leafCert() {
        return dir.resolve("leaf.pem");
    }

    public Path leafKey() {
        return dir.resolve("leaf.key");
    }

    /** Leaf followed by the intermediate: what a TLS server sends. */
    public Path chain() {
        return dir.resolve("fullchain.pem");
    }
}
