package com.orodc.workflow;

import com.orodc.core.IpLiteral;
import com.orodc.core.ConfigKey;
import com.orodc.core.ContainerPorts;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcHome;
import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.ProxyContainerSpec.Mount;
import com.orodc.core.ProxyContainerSpec.PortMapping;
import com.orodc.render.TraefikPaths;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The proxy container as the OroDC contract describes it, for one configuration. */
public final class ProxySpecs {
    public static final String CONTAINER = "proxy";
    public static final String NETWORK = "dc_shared_net";
    /** Sorts before {@link #NETWORK}: see {@link ProxyContainerSpec#portsNetwork()}. */
    public static final String PORTS_NETWORK = "dc_proxy_ports";
    static final long MEMORY_BYTES = 256L * 1024 * 1024;
    /**
     * How long the engine waits after SIGTERM before it kills the container: more than Traefik's
     * grace time plus s6's kill grace, so that {@code proxy down} always ends in a clean stop.
     */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private ProxySpecs() {
    }

    /** The id of the network, when this ORODC_HOME's install created it. */
    public static Path createdNetworkRecord(OrodcHome home) {
        return home.state().resolve("network-created");
    }

    public static ProxyContainerSpec forConfig(OrodcConfig config, ProxyLayout layout, String image, String dockerSocket) {
        String bind = IpLiteral.of(config.bindAddress());
        List<PortMapping> ports = new ArrayList<>();
        ports.add(new PortMapping(bind, config.httpPort(), ContainerPorts.WEB, ConfigKey.TRAEFIK_BIND_PORT.name()));
        ports.add(new PortMapping(bind, config.httpsPort(), ContainerPorts.WEBSECURE, ConfigKey.TRAEFIK_HTTPS_BIND_PORT.name()));
        if (config.socks5Enabled()) {
            ports.add(new PortMapping(IpLiteral.of(config.socks5Bind()), config.socks5Port(), config.socks5Port(),
                    ConfigKey.DC_PROXY_SOCKS5_PORT.name()));
        }
        List<Mount> mounts = List.of(
                new Mount(dockerSocket, TraefikPaths.DOCKER_SOCKET, true),
                new Mount(layout.staticConfig().toString(), TraefikPaths.STATIC_CONFIG, true),
                new Mount(layout.dynamicDir().toString(), TraefikPaths.DYNAMIC_DIR, true),
                new Mount(layout.servedCerts().toString(), TraefikPaths.CERT_DIR, true));
        Map<String, String> env = new LinkedHashMap<>();
        for (ConfigKey key : List.of(ConfigKey.CERT_DOMAIN, ConfigKey.TRAEFIK_LOG_LEVEL, ConfigKey.DC_PROXY_SOCKS5_ENABLED,
                ConfigKey.DC_PROXY_SOCKS5_PORT, ConfigKey.DC_PROXY_SOCKS5_USER, ConfigKey.DC_PROXY_SOCKS5_PASS)) {
            env.put(key.name(), config.value(key));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("orodc.dns.hostname", "proxy." + config.certDomain() + ",traefik." + config.certDomain());
        return new ProxyContainerSpec(CONTAINER, image, NETWORK, PORTS_NETWORK, ports, mounts, env, labels,
                List.of("CMD", "traefik", "healthcheck", "--ping"),
                Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Duration.ofSeconds(5),
                MEMORY_BYTES, "unless-stopped", Map.of("max-size", "10m", "max-file", "3"), STOP_TIMEOUT);
    }
}
