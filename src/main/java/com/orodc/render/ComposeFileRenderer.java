package com.orodc.render;

import com.orodc.core.ProxyContainerSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The proxy container as a compose file, from the same spec install-proxy creates the container with. */
public final class ComposeFileRenderer {
    public static final String TEMPLATE = "docker/docker-compose-proxy.yml";

    /** Every value pre-quoted for YAML, so a password or label with ':' or '#' stays one scalar. */
    public record Model(String name, String image, String restartPolicy, long memoryBytes, List<String> ports,
                        List<String> volumes, List<String> environment, List<String> labels, String healthTest,
                        String healthInterval, String healthTimeout, int healthRetries, String healthStartPeriod,
                        List<String> logOptions, List<String> networks, String stopGracePeriod) {
    }

    private ComposeFileRenderer() {
    }

    public static String render(ProxyContainerSpec spec) {
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(ProxyContainerSpec.MANAGED_LABEL, "true");
        Model model = new Model(quote(spec.name()), quote(spec.image()), spec.restartPolicy(), spec.memoryBytes(),
                spec.ports().stream().map(p -> quote(hostIp(p.hostIp()) + ":" + p.hostPort() + ":" + p.containerPort())).toList(),
                spec.mounts().stream().map(m -> quote(m.source() + ":" + m.target() + (m.readOnly() ? ":ro" : ""))).toList(),
                spec.env().entrySet().stream().map(e -> e.getKey() + ": " + quote(e.getValue())).toList(),
                labels.entrySet().stream().map(e -> e.getKey() + ": " + quote(e.getValue())).toList(),
                String.join(", ", spec.healthcheck().stream().map(ComposeFileRenderer::quote).toList()),
                duration(spec.healthInterval()), duration(spec.healthTimeout()), spec.healthRetries(),
                duration(spec.healthStartPeriod()),
                new TreeMap<>(spec.logOptions()).entrySet().stream().map(e -> e.getKey() + ": " + quote(e.getValue())).toList(),
                List.of(spec.portsNetwork(), spec.network()), duration(spec.stopTimeout()));
        return Templates.render(TEMPLATE, model);
    }

    private static String hostIp(String ip) {
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    private static String duration(Duration d) {
        return d.toSeconds() + "s";
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
