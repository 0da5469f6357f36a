package com.orodc.workflow;

import com.orodc.certs.trust.RootCertificate;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The fingerprint and the steps to trust the root by hand on each platform, filled from a template. */
final class TrustSteps {
    private static final String TEMPLATE = "/templates/trust-steps.txt";

    private TrustSteps() {
    }

    /** @param file the exported file, or null when the certificate went to standard output */
    static String render(RootCertificate root, Path file, ExportCertFormat format) {
        boolean der = format == ExportCertFormat.DER;
        String shown = file == null ? (der ? "orodc-ca.cer" : "orodc-ca.pem") : file.toString();
        String pemFile = der ? stem(shown) + ".pem" : shown;
        return template().data("fingerprint", root.sha256())
                .data("der", der)
                .data("stdout", file == null)
                .data("file", shown)
                .data("pemFile", pemFile)
                .data("winFile", shown)
                .data("alias", root.storeName())
                .data("subject", root.subject())
                .render();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && dot > 0 ? name.substring(0, dot) : name;
    }

    private static Template template() {
        try (InputStream in = TrustSteps.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the application");
            }
            return Engine.builder().addDefaults().build().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
