package com.orodc.render;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fingerprint and the steps to trust the root by hand on each platform, filled from a template. */
public final class TrustStepsRenderer {
    private static final String TEMPLATE = "/templates/trust-steps.txt";

    /**
     * @param stdout  the certificate went to standard output rather than to {@code file}
     * @param file    the file name the steps show
     * @param pemFile the PEM file the steps convert to or use
     * @param alias   the name the root has in stores that name entries
     */
    public record Model(String fingerprint, boolean der, boolean stdout, String file, String pemFile, String winFile,
                        String alias, String subject) {
    }

    private TrustStepsRenderer() {
    }

    public static String render(Model m) {
        return template().data("fingerprint", m.fingerprint())
                .data("der", m.der())
                .data("stdout", m.stdout())
                .data("file", m.file())
                .data("pemFile", m.pemFile())
                .data("winFile", m.winFile())
                .data("alias", m.alias())
                .data("subject", m.subject())
                .render();
    }

    private static Template template() {
        try (InputStream in = TrustStepsRenderer.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the application");
            }
            return Engine.builder().addDefaults().build().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
