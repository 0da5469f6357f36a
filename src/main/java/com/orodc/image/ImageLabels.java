package com.orodc.image;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels of one platform's image: OCI ones and one per component version and digest. */
public final class ImageLabels {
    public static final String PREFIX = "com.orodc.proxy.";
    /** No wall clock in the image: same inputs, same digest. */
    public static final String CREATED = "1970-01-01T00:00:00Z";

    private ImageLabels() {
    }

    /** @param source and revision may be null (a local build has neither) */
    public static Map<String, String> of(PlatformComponents c, String orodcVersion, String source, String revision) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "orodc proxy");
        labels.put("org.opencontainers.image.description", "Traefik v3, s6-overlay v3 and a SOCKS5 server for *.docker.local");
        labels.put("org.opencontainers.image.version", orodcVersion);
        labels.put("org.opencontainers.image.created", CREATED);
        if (source != null && !source.isBlank()) {
            labels.put("org.opencontainers.image.source", source);
        }
        if (revision != null && !revision.isBlank()) {
            labels.put("org.opencontainers.image.revision", revision);
        }
        labels.put("org.opencontainers.image.base.name", c.base().reference());
        labels.put("org.opencontainers.image.base.digest", c.base().manifestDigest());
        labels.put(PREFIX + "traefik.version", c.traefikVersion());
        labels.put(PREFIX + "traefik.sha256", c.traefikArchive().sha256());
        labels.put(PREFIX + "s6-overlay.version", c.s6OverlayVersion());
        labels.put(PREFIX + "s6-overlay.noarch.sha256", c.s6Noarch().sha256());
        labels.put(PREFIX + "s6-overlay.arch.sha256", c.s6Arch().sha256());
        labels.put(PREFIX + "base.image", c.base().reference());
        labels.put(PREFIX + "base.digest", c.base().manifestDigest());
        labels.put(PREFIX + "socks5.image", c.socks5Image().reference());
        labels.put(PREFIX + "socks5.digest", c.socks5Image().manifestDigest());
        return labels;
    }
}
