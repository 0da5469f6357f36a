package com.orodc.cli;

import com.orodc.workflow.image.ProxyImageBuild;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What goes into the proxy image and where it is fetched from; each flag also has a variable. */
public class ProxyImageInputOptions {
    @Option(names = "--platform", paramLabel = "OS/ARCH", split = ",",
            description = "linux/amd64, linux/arm64 (repeatable or comma-separated; default: both for a registry, this machine's otherwise).")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--traefik-version", paramLabel = "V", description = "Traefik v3 release, or 'latest' (ORODC_TRAEFIK_VERSION).")
    String traefikVersion;

    @Option(names = "--s6-overlay-version", paramLabel = "V", description = "s6-overlay v3 release (ORODC_S6_OVERLAY_VERSION).")
    String s6OverlayVersion;

    @Option(names = "--base-image", paramLabel = "REF", description = "Base image, by tag or digest (ORODC_BASE_IMAGE).")
    String baseImage;

    @Option(names = "--socks5-image", paramLabel = "REF", description = "Image holding the /socks5 binary (ORODC_SOCKS5_IMAGE).")
    String socks5Image;

    @Option(names = "--mirror", paramLabel = "URL", description = "Serves the release downloads in GitHub's layout (ORODC_MIRROR).")
    String mirror;

    @Option(names = "--releases-api", paramLabel = "URL", description = "Releases list for --traefik-version latest (ORODC_RELEASES_API; default the mirror's /api).")
    String releasesApi;

    @Option(names = "--registry-mirror", paramLabel = "HOST", description = "Registry serving Docker Hub's images (ORODC_REGISTRY_MIRROR).")
    String registryMirror;

    @Option(names = "--offline", description = "Build from the cache only; names what is missing.")
    boolean offline;

    @Option(names = "--allow-insecure-registries", description = "Allow plain HTTP to registries other than localhost.")
    boolean allowInsecureRegistries;

    ProxyImageBuild.Inputs inputs() {
        return new ProxyImageBuild.Inputs(baseImage, traefikVersion, s6OverlayVersion, socks5Image, mirror, releasesApi,
                registryMirror, offline, allowInsecureRegistries);
    }
}
