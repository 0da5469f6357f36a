package com.orodc.workflow.certs;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.render.TrustStepsRenderer;

import java.nio.file.Path;

/** The steps to trust the exported root by hand, with the file names the user will see. */
final class TrustSteps {
    private TrustSteps() {
    }

    /** @param file the exported file, or null when the certificate went to standard output */
    static String render(RootCertificate root, Path file, ExportCertFormat format) {
        boolean der = format == ExportCertFormat.DER;
        String shown = file == null ? (der ? "orodc-ca.cer" : "orodc-ca.pem") : file.toString();
        String pemFile = der ? stem(shown) + ".pem" : shown;
        return TrustStepsRenderer.render(new TrustStepsRenderer.Model(root.sha256(), der, file == null, shown, pemFile, shown,
                root.storeName(), root.subject()));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && dot > 0 ? name.substring(0, dot) : name;
    }
}
