package com.orodc.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the one {@link OrodcConfig} of a run: flags, then environment, then the project's
 * {@code .env.orodc}, then defaults. Every value is validated; the first bad one is a usage error.
 */
public final class ConfigResolver {
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern IMAGE_REF = Pattern.compile("[a-z0-9]([a-z0-9._/:@-]*[a-zA-Z0-9_.-])?");

    private final Map<String, String> environment;
    private final Path projectDir;

    public ConfigResolver(Map<String, String> environment, Path projectDir) {
        this.environment = environment;
        this.projectDir = projectDir;
    }

    public static ConfigResolver fromSystem() {
        return new ConfigResolver(System.getenv(), Path.of(""));
    }

    /** @param flags values given on the command line, keyed by variable name; absent keys were not given */
    public OrodcConfig resolve(Map<ConfigKey, String> flags) {
        Path projectFile = DotEnvFile.find(projectDir);
        Map<String, String> project = projectFile == null ? Map.of() : DotEnvFile.read(projectFile);
        Map<ConfigKey, String> raw = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, ConfigSource> sources = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            if (flags.get(key) != null) {
                raw.put(key, flags.get(key));
                sources.put(key, ConfigSource.FLAG);
            } else if (environment.get(key.name()) != null) {
                raw.put(key, environment.get(key.name()));
                sources.put(key, ConfigSource.ENVIRONMENT);
            } else if (project.get(key.name()) != null) {
                raw.put(key, project.get(key.name()));
                sources.put(key, ConfigSource.projectFile(projectFile));
            } else {
                raw.put(key, key.defaultValue());
                sources.put(key, ConfigSource.DEFAULT);
            }
        }
        Parser p = new Parser(raw, sources);
        Optional<String> user = p.optionalText(ConfigKey.DC_PROXY_SOCKS5_USER);
        Optional<String> pass = p.optionalText(ConfigKey.DC_PROXY_SOCKS5_PASS);
        user.ifPresent(u -> {
            if (u.contains(":") || u.contains(" ") || u.length() > 255) {
                throw ConfigKey.DC_PROXY_SOCKS5_USER.invalid(u, sources.get(ConfigKey.DC_PROXY_SOCKS5_USER));
            }
        });
        if (pass.isPresent() && (user.isEmpty() || pass.get().length() > 255)) {
            throw ConfigKey.DC_PROXY_SOCKS5_PASS.invalid("***", sources.get(ConfigKey.DC_PROXY_SOCKS5_PASS));
        }
        if (user.isPresent() && pass.isEmpty()) {
            throw OrodcException.usage("DC_PROXY_SOCKS5_USER is set but DC_PROXY_SOCKS5_PASS is empty: set both or neither");
        }
        Optional<String> image = p.optionalText(ConfigKey.ORODC_PROXY_IMAGE);
        image.ifPresent(i -> {
            if (!IMAGE_REF.matcher(i).matches()) {
                throw ConfigKey.ORODC_PROXY_IMAGE.invalid(i, sources.get(ConfigKey.ORODC_PROXY_IMAGE));
            }
        });
        OrodcConfig config = new OrodcConfig(
                p.address(ConfigKey.TRAEFIK_BIND_ADDRESS),
                p.port(ConfigKey.TRAEFIK_BIND_PORT),
                p.port(ConfigKey.TRAEFIK_HTTPS_BIND_PORT),
                p.logLevel(ConfigKey.TRAEFIK_LOG_LEVEL),
                p.domain(ConfigKey.CERT_DOMAIN),
                p.bool(ConfigKey.DC_PROXY_SOCKS5_ENABLED),
                p.port(ConfigKey.DC_PROXY_SOCKS5_PORT),
                p.address(ConfigKey.DC_PROXY_SOCKS5_BIND),
                user, pass, image,
                Map.copyOf(sources));
        checkPortsTogether(config);
        return config;
    }

    /**
     * Settings that are each valid but cannot work together, refused before anything uses them: two
     * published ports on one port of overlapping addresses, or a SOCKS5 port that Traefik already
     * listens on inside the container (the SOCKS5 server listens on its host port number there too).
     */
    private static void checkPortsTogether(OrodcConfig c) {
        if (c.httpPort() == c.httpsPort()) {
            throw same(c, ConfigKey.TRAEFIK_BIND_PORT, ConfigKey.TRAEFIK_HTTPS_BIND_PORT, c.httpPort());
        }
        if (!c.socks5Enabled()) {
            return;
        }
        boolean overlap = c.socks5Bind().equals(c.bindAddress()) || c.socks5Bind().isAnyLocalAddress() || c.bindAddress().isAnyLocalAddress();
        if (overlap && c.socks5Port() == c.httpPort()) {
            throw same(c, ConfigKey.DC_PROXY_SOCKS5_PORT, ConfigKey.TRAEFIK_BIND_PORT, c.socks5Port());
        }
        if (overlap && c.socks5Port() == c.httpsPort()) {
            throw same(c, ConfigKey.DC_PROXY_SOCKS5_PORT, ConfigKey.TRAEFIK_HTTPS_BIND_PORT, c.socks5Port());
        }
        if (ContainerPorts.TRAEFIK.contains(c.socks5Port())) {
            throw OrodcException.usage(String.format("DC_PROXY_SOCKS5_PORT=%d (from %s) is a port Traefik listens on inside the proxy"
                            + " container (%s): choose another SOCKS5 port, e.g. 1080", c.socks5Port(),
                    c.sourceOf(ConfigKey.DC_PROXY_SOCKS5_PORT).describe(),
                    String.join(", ", ContainerPorts.TRAEFIK.stream().map(String::valueOf).toList())));
        }
    }

    private static OrodcException same(OrodcConfig c, ConfigKey a, ConfigKey b, int port) {
        return OrodcException.usage(String.format("%s and %s are both %d (from %s and %s): each needs a port of its own;"
                        + " change one of them", a.name(), b.name(), port, c.sourceOf(a).describe(), c.sourceOf(b).describe()));
    }

    private record Parser(Map<ConfigKey, String> raw, Map<ConfigKey, ConfigSource> sources) {
        String text(ConfigKey key) {
            return raw.get(key).strip();
        }

        OrodcException invalid(ConfigKey key) {
            return key.invalid(raw.get(key), sources.get(key));
        }

        Optional<String> optionalText(ConfigKey key) {
            String v = text(key);
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        int port(ConfigKey key) {
            try {
                int port = Integer.parseInt(text(key));
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the accepted form
            }
            throw invalid(key);
        }

        InetAddress address(ConfigKey key) {
            String v = text(key);
            // only literals: a name here would trigger a DNS lookup and bind somewhere unexpected
            if (!IP_LITERAL.matcher(v).matches()) {
                throw invalid(key);
            }
            try {
                return InetAddress.getByName(v.startsWith("[") ? v.substring(1, v.length() - 1) : v);
            } catch (UnknownHostException e) {
                throw invalid(key);
            }
        }

        String logLevel(ConfigKey key) {
            String v = text(key).toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(v)) {
                throw invalid(key);
            }
            return v;
        }

        String domain(ConfigKey key) {
            String v = text(key).toLowerCase(Locale.ROOT);
            if (v.endsWith(".")) {
                v = v.substring(0, v.length() - 1);
            }
            if (!HostName.isDomain(v)) {
                throw invalid(key);
            }
            return v;
        }

        boolean bool(ConfigKey key) {
            return switch (text(key).toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off", "" -> false;
                default -> throw invalid(key);
            };
        }
    }
}
