package com.orodc.image;

import java.net.URI;

/**
 * A file attached to a release, laid out as GitHub serves them:
 * {@code {base}/{project}/releases/download/v{version}/{file}}. A mirror keeps the same layout.
 */
public record ReleaseAsset(String project, String version, String fileName) {
    public static final String DEFAULT_BASE = "https://github.com";

    /** The path under the base, also the name the cache knows the file by (so a mirror shares the cache). */
    public String path() {
        return project + "/releases/download/v" + version + "/" + fileName;
    }

    public URI uri(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + "/" + path());
    }

    public static ReleaseAsset traefik(String version, Platform platform) {
        return new ReleaseAsset("traefik/traefik", version, "traefik_v" + version + "_linux_" + platform.architecture() + ".tar.gz");
    }

    public static ReleaseAsset traefikChecksums(String version) {
        return new ReleaseAsset("traefik/traefik", version, "traefik_v" + version + "_checksums.txt");
    }

    public static ReleaseAsset s6Noarch(String version) {
        return new ReleaseAsset("just-containers/s6-overlay", version, "s6-overlay-noarch.tar.xz");
    }

    public static ReleaseAsset s6Arch(String version, Platform platform) {
        return new ReleaseAsset("just-containers/s6-overlay", version, "s6-overlay-" + platform.s6Architecture() + ".tar.xz");
    }

    /** s6-overlay publishes one {@code .sha256} file per tarball. */
    public ReleaseAsset sha256File() {
        return new ReleaseAsset(project, version, fileName + ".sha256");
    }
}
