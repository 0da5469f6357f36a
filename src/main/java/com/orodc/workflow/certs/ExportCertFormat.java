package com.orodc.workflow.certs;

/** How the root certificate is written: PEM text, or DER bytes (the {@code .cer} Windows opens). */
public enum ExportCertFormat {
    PEM, DER
}
