package com.orodc.core;

/**
 * Every setting a user can give, under the variable name OroDC users already know.
 * Each one can also come from a flag, the environment or a project's {@code .env.orodc}.
 */
public enum ConfigKey {
    TRAEFIK_BIND_ADDRESS("127.0.0.1", "an IPv4 or IPv6 address such as 127.0.0.1"),
    TRAEFIK_BIND_PORT("8880", "a port number from 1 to 65535"),
    TRAEFIK_HTTPS_BIND_PORT("8443", "a port number from 1 to 65535"),
    TRAEFIK_LOG_LEVEL("INFO", "one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, PANIC"),
    CERT_DOMAIN("docker.local", "a hostname with at least two labels such as docker.local"),
    DC_PROXY_SOCKS5_ENABLED("0", "1 or 0 (also true/false, yes/no, on/off)"),
    DC_PROXY_SOCKS5_PORT("1080", "a port number from 1 to 65535"),
    DC_PROXY_SOCKS5_BIND("127.0.0.1", "an IPv4 or IPv6 address such as 127.0.0.1"),
    DC_PROXY_SOCKS5_USER("", "a user name without spaces or colons, up to 255 characters"),
    DC_PROXY_SOCKS5_PASS("", "a password of up to 255 characters, given together with DC_PROXY_SOCKS5_USER"),
    ORODC_PROXY_IMAGE("", "an image reference such as registry.example.com/orodc/proxy:1.0");

    private final String defaultValue;
    private final String acceptedForm;

    ConfigKey(String defaultValue, String acceptedForm) {
        this.defaultValue = defaultValue;
        this.acceptedForm = acceptedForm;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String acceptedForm() {
        return acceptedForm;
    }

    /** The one-line error for a value of this key that cannot be used. */
    public OrodcException invalid(String value, ConfigSource source) {
        return OrodcException.usage(String.format("%s=%s (from %s) is not valid: expected %s",
                name(), UntrustedText.of(value), source.describe(), acceptedForm));
    }
}
