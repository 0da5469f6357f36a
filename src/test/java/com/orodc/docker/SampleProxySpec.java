package com.orodc.docker;

import com.orodc.core.ProxyContainerSpec;
import java.time.Duration;
import java.util.*;

final class SampleProxySpec {
    static ProxyContainerSpec spec() {
        Map<String, String> env = new LinkedHashMap<>(); env.put("TZ", "UTC"); env.put("A", "b=c");
        Map<String, String> labels = new LinkedHashMap<>(); labels.put("traefik.enable", "true");
        Map<String, String> log = new LinkedHashMap<>(); log.put("max-size", "10m"); log.put("max-file", "3");
        return new ProxyContainerSpec("orodc-proxy", "orodc/proxy:1", "dc_shared_net", "dc_proxy_ports",
                List.of(new ProxyContainerSpec.PortMapping("127.0.0.1", 8080, 80, "P"), new ProxyContainerSpec.PortMapping("0.0.0.0", 8443, 443, "Q")),
                List.of(new ProxyContainerSpec.Mount("/home/u/certs", "/etc/traefik/certs", true), new ProxyContainerSpec.Mount("/home/u/dyn", "/etc/traefik/dynamic", false)),
                env, labels, List.of("CMD", "traefik", "healthcheck"), Duration.ofSeconds(10), Duration.ofSeconds(3), 5, Duration.ofSeconds(2),
                268435456L, "unless-stopped", log, Duration.ofSeconds(15));
    }
}
