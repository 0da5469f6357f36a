package com.orodc.cli;

import com.orodc.workflow.image.ProxyImageBuild;

import java.io.PrintWriter;

/** The lines a build or publish prints on stdout: one per platform image, then the list. */
final class ProxyImageResultPrinter {
    private ProxyImageResultPrinter() {
    }

    static void print(PrintWriter out, ProxyImageBuild.Result result) {
        out.println("image " + result.target());
        for (ProxyImageBuild.Image image : result.images()) {
            out.printf("  %-12s %s  (traefik %s, s6-overlay %s)%n", image.platform(), image.digest(),
                    image.traefikVersion(), image.s6OverlayVersion());
        }
        if (result.listDigest() != null) {
            out.printf("  %-12s %s  tags: %s%n", "list", result.listDigest(), String.join(", ", result.tags()));
        }
        out.flush();
    }
}
