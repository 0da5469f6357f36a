package com.orodc.cli;

import com.orodc.core.ConfigKey;
import com.orodc.core.OrodcConfig;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/** A flag for every setting; a flag wins over the environment, which wins over .env.orodc. */
public class ConfigOptions {
    @Option(names = "--bind-address", paramLabel = "IP", description = "Address the HTTP/HTTPS ports bind to (TRAEFIK_BIND_ADDRESS, default 127.0.0.1).")
    String bindAddress;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Host port for HTTP (TRAEFIK_BIND_PORT, default 8880).")
    String httpPort;

    @Option(names = "--https-port", paramLabel = "PORT", description = "Host port for HTTPS (TRAEFIK_HTTPS_BIND_PORT, default 8443).")
    String httpsPort;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "Traefik log level (TRAEFIK_LOG_LEVEL, default INFO).")
    String logLevel;

    @Option(names = "--cert-domain", paramLabel = "DOMAIN", description = "Domain of the sites (CERT_DOMAIN, default docker.local).")
    String certDomain;

    @Option(names = "--socks5", negatable = true, description = "Enable the SOCKS5 proxy (DC_PROXY_SOCKS5_ENABLED, default off).")
    Boolean socks5;

    @Option(names = "--socks5-port", paramLabel = "PORT", description = "Host port for SOCKS5 (DC_PROXY_SOCKS5_PORT, default 1080).")
    String socks5Port;

    @Option(names = "--socks5-bind", paramLabel = "IP", description = "Address the SOCKS5 port binds to (DC_PROXY_SOCKS5_BIND, default 127.0.0.1).")
    String socks5Bind;

    @Option(names = "--socks5-user", paramLabel = "USER", description = "SOCKS5 user name (DC_PROXY_SOCKS5_USER).")
    String socks5User;

    @Option(names = "--socks5-pass", paramLabel = "PASS", description = "SOCKS5 password (DC_PROXY_SOCKS5_PASS); prefer the variable, flags show in ps.")
    String socks5Pass;

    @Option(names = "--image", paramLabel = "REF", description = "Proxy image to run (ORODC_PROXY_IMAGE).")
    String image;

    Map<ConfigKey, String> flags() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        put(flags, ConfigKey.TRAEFIK_BIND_ADDRESS, bindAddress);
        put(flags, ConfigKey.TRAEFIK_BIND_PORT, httpPort);
        put(flags, ConfigKey.TRAEFIK_HTTPS_BIND_PORT, httpsPort);
        put(flags, ConfigKey.TRAEFIK_LOG_LEVEL, logLevel);
        put(flags, ConfigKey.CERT_DOMAIN, certDomain);
        put(flags, ConfigKey.DC_PROXY_SOCKS5_ENABLED, socks5 == null ? null : socks5 ? "1" : "0");
        put(flags, ConfigKey.DC_PROXY_SOCKS5_PORT, socks5Port);
        put(flags, ConfigKey.DC_PROXY_SOCKS5_BIND, socks5Bind);
        put(flags, ConfigKey.DC_PROXY_SOCKS5_USER, socks5User);
        put(flags, ConfigKey.DC_PROXY_SOCKS5_PASS, socks5Pass);
        put(flags, ConfigKey.ORODC_PROXY_IMAGE, image);
        return flags;
    }

    public OrodcConfig resolve(RunContext context) {
        return context.configResolver().resolve(flags());
    }

    private static void put(Map<ConfigKey, String> flags, ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
