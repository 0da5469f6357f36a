package com.orodc.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of orodc itself and the pinned versions of the image components it would use. */
public record ComponentVersions(String orodc, String alpineImage, String traefik, String s6Overlay, String socks5Image,
                                String publishedImage) {

    public static ComponentVersions load() {
        Properties build = properties("/orodc-build.properties");
        Properties components = properties("/components.properties");
        return new ComponentVersions(
                build.getProperty("version", "unknown"),
                components.getProperty("alpine.image"),
                components.getProperty("traefik.version"),
                components.getProperty("s6-overlay.version"),
                components.getProperty("socks5.image"),
                components.getProperty("proxy.image.published"));
    }

    /** What install-proxy --pull pulls and CI publishes: the published name, tagged with this orodc's version. */
    public String publishedReference() {
        return publishedImage + ":" + orodc;
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = ComponentVersions.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
