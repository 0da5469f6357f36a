package com.orodc.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.orodc.core.OrodcException;

/**
 * Where an image lives: registry host, repository, and a tag or digest. Docker Hub names
 * ({@code alpine:3.22}) expand as docker does; a registry mirror replaces Docker Hub.
 */
public record ImageLocation(String registry, String repository, String tag, String digest) {
    static final String DOCKER_HUB = "registry-1.docker.io";

    public static ImageLocation parse(String reference, String registryMirror) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference.strip());
        } catch (InvalidImageReferenceException e) {
            throw OrodcException.usage("'" + reference + "' is not an image reference such as alpine:3.22 or registry.example.com/team/proxy:1");
        }
        String registry = ref.getRegistry();
        if (registryMirror != null && !registryMirror.isBlank() && DOCKER_HUB.equals(registry)) {
            registry = stripScheme(registryMirror);
        }
        return new ImageLocation(registry, ref.getRepository(), ref.getTag().orElse(null), ref.getDigest().orElse(null));
    }

    public static ImageLocation parse(String reference) {
        return parse(reference, null);
    }

    /** The tag, or the digest when the reference is pinned by one (the registry API accepts either). */
    public String reference() {
        if (digest != null) {
            return digest;
        }
        return tag == null ? "latest" : tag;
    }

    public ImageLocation withTag(String newTag) {
        return new ImageLocation(registry, repository, newTag, null);
    }

    public boolean isLocalhost() {
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1) : registry.split(":")[0];
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static String stripScheme(String mirror) {
        String m = mirror.strip();
        m = m.replaceFirst("^https?://", "");
        return m.endsWith("/") ? m.substring(0, m.length() - 1) : m;
    }
}
