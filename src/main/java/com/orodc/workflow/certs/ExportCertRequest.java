package com.orodc.workflow.certs;

import java.nio.file.Path;

/**
 * @param out   the file to write, or null for the caller's standard output (PEM only)
 * @param force replace an existing file that holds something else
 */
public record ExportCertRequest(ExportCertFormat format, Path out, boolean force) {
}
