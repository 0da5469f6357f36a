package com.orodc.render;

import com.orodc.core.OrodcConfig;

/**
 * What {@code traefik/dynamic/proxy.yml} is rendered from: the default certificate and the proxy's
 * own routers. The dashboard is reachable only by its two host names, never by a path on every
 * host (that would take {@code /api} and {@code /dashboard} away from every project).
 */
public record TraefikDynamicConfig(
        String chainFile,
        String keyFile,
        String minTlsVersion,
        String dashboardRule,
        String pingRule,
        int pingPriority) {

    /**
     * Above the dashboard router on {@code proxy.CERT_DOMAIN}, whose rule is longer and would
     * otherwise win by Traefik's rule-length ordering and answer {@code /ping} with a 404.
     */
    static final int PING_PRIORITY = 10_000;

    public static TraefikDynamicConfig from(OrodcConfig config) {
        String proxyHost = "proxy." + config.certDomain();
        String traefikHost = "traefik." + config.certDomain();
        return new TraefikDynamicConfig(
                TraefikPaths.CHAIN_FILE,
                TraefikPaths.KEY_FILE,
                "VersionTLS12",
                "Host(`" + proxyHost + "`) || Host(`" + traefikHost + "`)",
                "Host(`" + proxyHost + "`) && Path(`/ping`)",
                PING_PRIORITY);
    }

    public String httpEntrypoint() {
        return TraefikStaticConfig.HTTP_ENTRYPOINT;
    }

    public String httpsEntrypoint() {
        return TraefikStaticConfig.HTTPS_ENTRYPOINT;
    }
}
