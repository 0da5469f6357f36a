package com.orodc.workflow.certs;

import java.nio.file.Path;

/**
 * @param pem       the certificate as PEM, for standard output when no file was asked for
 * @param written   the file written, or null
 * @param unchanged the file already held exactly this content
 * @param steps     the fingerprint and the per-platform trust steps, ready to show
 */
public record ExportCertResult(String pem, Path written, boolean unchanged, String sha256, String steps) {
}
