package com.orodc.core;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/** The typed, validated configuration of one run, with where each value came from. */
public record OrodcConfig(
        InetAddress bindAddress,
        int httpPort,
        int httpsPort,
        String logLevel,
        String certDomain,
        boolean socks5Enabled,
        int socks5Port,
        InetAddress socks5Bind,
        Optional<String> socks5User,
        Optional<String> socks5Password,
        Optional<String> proxyImage,
        Map<ConfigKey, ConfigSource> sources) {

    public ConfigSource sourceOf(ConfigKey key) {
        return sources.getOrDefault(key, ConfigSource.DEFAULT);
    }

    /** The values as the proxy container and its compose file expect them. */
    public String value(ConfigKey key) {
        return switch (key) {
            case TRAEFIK_BIND_ADDRESS -> IpLiteral.of(bindAddress);
            case TRAEFIK_BIND_PORT -> Integer.toString(httpPort);
            case TRAEFIK_HTTPS_BIND_PORT -> Integer.toString(httpsPort);
            case TRAEFIK_LOG_LEVEL -> logLevel;
            case CERT_DOMAIN -> certDomain;
            case DC_PROXY_SOCKS5_ENABLED -> socks5Enabled ? "1" : "0";
            case DC_PROXY_SOCKS5_PORT -> Integer.toString(socks5Port);
            case DC_PROXY_SOCKS5_BIND -> IpLiteral.of(socks5Bind);
            case DC_PROXY_SOCKS5_USER -> socks5User.orElse("");
            case DC_PROXY_SOCKS5_PASS -> socks5Password.orElse("");
            case ORODC_PROXY_IMAGE -> proxyImage.orElse("");
        };
    }
}
