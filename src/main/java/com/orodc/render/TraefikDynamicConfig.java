package com.orodc.render;

import com.orodc.core.OrodcConfig;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code traefik/dynamic/proxy.yml} is rendered from: the default certificate and the proxy's
 * own routers. The dashboard is reachable only by its two host names, and under {@code /traefik} on the
 * loopback names, never by a path on every host (that would take {@code /api} and {@code /dashboard} away
 * from every project).
 */
public record TraefikDynamicConfig(
        String chainFile,
        String keyFile,
        String minTlsVersion,
        String dashboardRule,
        String pingRule,
        int pingPriority,
        String localDashboardRule,
        String localDashboardPrefix) {

    /**
     * Above the dashboard router on {@code proxy.CERT_DOMAIN}, whose rule is longer and would
     * otherwise win by Traefik's rule-length ordering and answer {@code /ping} with a 404.
     */
    static final int PING_PRIORITY = 10_000;

    /** The host names of the old proxy's addresses, which bash OroDC users' scripts still use. */
    static final List<String> LOCAL_HOSTS = List.of("127.0.0.1", "localhost");
    static final String LOCAL_DASHBOARD_PREFIX = "/traefik";

    public static TraefikDynamicConfig from(OrodcConfig config) {
        String proxyHost = "proxy." + config.certDomain();
        String traefikHost = "traefik." + config.certDomain();
        return new TraefikDynamicConfig(
                TraefikPaths.CHAIN_FILE,
                TraefikPaths.KEY_FILE,
                "VersionTLS12",
                "Host(`" + proxyHost + "`) || Host(`" + traefikHost + "`)",
                "(" + anyHost(proxyHost, LOCAL_HOSTS.get(0), LOCAL_HOSTS.get(1)) + ") && Path(`/ping`)",
                PING_PRIORITY,
                "(" + anyHost(LOCAL_HOSTS.toArray(String[]::new)) + ") && PathPrefix(`" + LOCAL_DASHBOARD_PREFIX + "`)",
                LOCAL_DASHBOARD_PREFIX);
    }

    private static String anyHost(String... hosts) {
        return String.join(" || ", Arrays.stream(hosts).map(h -> "Host(`" + h + "`)").toList());
    }

    public String httpEntrypoint() {
        return TraefikStaticConfig.HTTP_ENTRYPOINT;
    }

    public String httpsEntrypoint() {
        return TraefikStaticConfig.HTTPS_ENTRYPOINT;
    }
}
