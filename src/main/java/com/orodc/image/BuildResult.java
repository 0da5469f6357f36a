package com.orodc.image;

import java.util.List;

/** What a build made: one image per platform and, for a registry, the list naming them. */
public record BuildResult(String target, List<PlatformImage> images, String listDigest, List<String> tags) {

    public record PlatformImage(Platform platform, String digest, String imageId, String traefikVersion,
                                String s6OverlayVersion, String baseDigest, String socks5Digest) {
    }
}
