package com.orodc.image;

import com.orodc.core.ComponentVersions;

import java.util.Map;

/**
 * What goes into the proxy image and where it comes from. Each value: flag, else environment,
 * else the pinned default of {@code components.properties}.
 */
public record ImageInputs(
        String baseImage,
        String traefikVersion,
        String s6OverlayVersion,
        String socks5Image,
        String mirror,
        String releasesApi,
        String registryMirror,
        boolean offline,
        boolean allowInsecureRegistries) {

    public static final String TRAEFIK_VARIABLE = "ORODC_TRAEFIK_VERSION";
    public static final String S6_VARIABLE = "ORODC_S6_OVERLAY_VERSION";
    public static final String BASE_VARIABLE = "ORODC_BASE_IMAGE";
    public static final String SOCKS5_VARIABLE = "ORODC_SOCKS5_IMAGE";
    public static final String MIRROR_VARIABLE = "ORODC_MIRROR";
    public static final String RELEASES_API_VARIABLE = "ORODC_RELEASES_API";
    public static final String REGISTRY_MIRROR_VARIABLE = "ORODC_REGISTRY_MIRROR";

    /** Flags win; a null flag falls back to the environment, then to the pinned version. */
    public static ImageInputs resolve(Map<String, String> env, ImageInputs flags) {
        ComponentVersions pinned = ComponentVersions.load();
        String mirror = pick(flags.mirror(), env.get(MIRROR_VARIABLE), null);
        return new ImageInputs(
                pick(flags.baseImage(), env.get(BASE_VARIABLE), pinned.alpineImage()),
                pick(flags.traefikVersion(), env.get(TRAEFIK_VARIABLE), pinned.traefik()),
                pick(flags.s6OverlayVersion(), env.get(S6_VARIABLE), pinned.s6Overlay()),
                pick(flags.socks5Image(), env.get(SOCKS5_VARIABLE), pinned.socks5Image()),
                mirror,
                pick(flags.releasesApi(), env.get(RELEASES_API_VARIABLE), mirror != null ? trim(mirror) + "/api" : TraefikVersion.DEFAULT_API),
                pick(flags.registryMirror(), env.get(REGISTRY_MIRROR_VARIABLE), null),
                flags.offline(),
                flags.allowInsecureRegistries());
    }

    public ImageInputs withTraefikVersion(String version) {
        return new ImageInputs(baseImage, version, s6OverlayVersion, socks5Image, mirror, releasesApi, registryMirror,
                offline, allowInsecureRegistries);
    }

    private static String pick(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return fallback;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
