package com.orodc.render;

import com.orodc.core.ContainerPorts;
import com.orodc.core.OrodcConfig;

import java.time.Duration;
import java.util.List;

/**
 * What {@code traefik/traefik.yml} is rendered from.
 *
 * <p>The entrypoints listen on fixed ports inside the container; the host ports a user chooses
 * ({@code TRAEFIK_BIND_PORT}, {@code TRAEFIK_HTTPS_BIND_PORT}) are where Docker publishes them, so
 * they do not appear here. Project compose files name the entrypoints {@code web} and
 * {@code default}; those names are the compatibility contract.
 */
public record TraefikStaticConfig(
        String logLevel,
        int httpPort,
        int httpsPort,
        int pingPort,
        String graceTimeOut,
        List<String> trustedForwarders,
        String dockerEndpoint,
        String dockerNetwork,
        String dynamicDir) {

    public static final String HTTP_ENTRYPOINT = "web";
    public static final String HTTPS_ENTRYPOINT = "default";
    /** Not published: only {@code traefik healthcheck --ping} inside the container uses it. */
    public static final String PING_ENTRYPOINT = "ping";
    public static final String DOCKER_NETWORK = "dc_shared_net";
    /**
     * How long Traefik lets open requests finish when it stops (its default is 10 s). It must fit, with
     * s6's kill grace, inside the container's stop timeout, or {@code proxy down} ends in a SIGKILL.
     */
    public static final Duration GRACE_TIME_OUT = Duration.ofSeconds(5);

    /**
     * Who may set {@code X-Forwarded-*} on {@code web}: loopback and private ranges, where a
     * TLS terminator in front of the proxy on the developer's machine or network would be.
     */
    public static final List<String> TRUSTED_FORWARDERS = List.of(
            "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    public static TraefikStaticConfig from(OrodcConfig config) {
        return new TraefikStaticConfig(
                config.logLevel(),
                ContainerPorts.WEB,
                ContainerPorts.WEBSECURE,
                ContainerPorts.PING,
                GRACE_TIME_OUT.toSeconds() + "s",
                TRUSTED_FORWARDERS,
                "unix://" + TraefikPaths.DOCKER_SOCKET,
                DOCKER_NETWORK,
                TraefikPaths.DYNAMIC_DIR);
    }

    public String httpEntrypoint() {
        return HTTP_ENTRYPOINT;
    }

    public String httpsEntrypoint() {
        return HTTPS_ENTRYPOINT;
    }

    public String pingEntrypoint() {
        return PING_ENTRYPOINT;
    }
}
