package com.orodc.image;

import java.nio.file.Path;

/**
 * A gzip-compressed tar layer: the file, the digest of the compressed blob (what manifests name)
 * and of the uncompressed tar (the diff id that image configs list).
 */
public record TarLayer(Path file, String blobDigest, String diffId, long size) {
}
