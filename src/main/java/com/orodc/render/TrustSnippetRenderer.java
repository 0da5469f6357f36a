package com.orodc.render;

import java.util.List;

/** The compose lines that make services trust the local CA, from {@code docker/ca-trust-snippet.yml}. */
public final class TrustSnippetRenderer {
    public static final String TEMPLATE = "docker/ca-trust-snippet.yml";

    /**
     * @param hostDir  the directory on this machine with the CA files
     * @param mount    where it is mounted inside the containers
     * @param bundle   file name of the public roots plus ours, in {@code hostDir}
     * @param root     file name of our root alone
     * @param phpIni   file name of the PHP ini setting openssl.cafile and curl.cainfo
     */
    public record Input(List<String> services, String domain, String hostDir, String mount, String bundle, String root,
                        String phpIni) {
    }

    /** Every value pre-quoted for YAML. */
    public record Model(List<String> services, String domain, String volume, String bundle, String root, String phpIni,
                        String phpScanDir) {
    }

    private TrustSnippetRenderer() {
    }

    public static String render(Input in) {
        return Templates.render(TEMPLATE, new Model(in.services(), in.domain(),
                ComposeFileRenderer.quote(in.hostDir() + ":" + in.mount() + ":ro"),
                ComposeFileRenderer.quote(in.mount() + "/" + in.bundle()),
                ComposeFileRenderer.quote(in.mount() + "/" + in.root()),
                in.phpIni(),
                ComposeFileRenderer.quote(":" + in.mount())));
    }
}
