package com.orodc.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about the proxy container that we decide: the container we create and the compose file we
 * render both come from one spec, so they cannot drift apart.
 *
 * @param network      the network the projects share: Traefik reaches them there, and they reach the proxy there
 *                     by the names it serves (network aliases, which change while projects come and go)
 * @param portsNetwork the network that carries the published ports: the engine publishes them on the endpoint of
 *                     the network whose name sorts first, so that re-attaching {@code network} to change its
 *                     aliases never touches a connection made to the published ports
 */
public record ProxyContainerSpec(
        String name,
        String image,
        String network,
        String portsNetwork,
        List<PortMapping> ports,
        List<Mount> mounts,
        Map<String, String> env,
        Map<String, String> labels,
        List<String> healthcheck,
        Duration healthInterval,
        Duration healthTimeout,
        int healthRetries,
        Duration healthStartPeriod,
        long memoryBytes,
        String restartPolicy,
        Map<String, String> logOptions,
        Duration stopTimeout) {

    public static final String MANAGED_LABEL = "orodc.managed";
    public static final String HASH_LABEL = "orodc.config-hash";

    /** A published port; {@code variable} names the setting a user changes when the port is busy. */
    public record PortMapping(String hostIp, int hostPort, int containerPort, String variable) {
    }

    public record Mount(String source, String target, boolean readOnly) {
    }

    /**
     * A digest of every decided property plus whatever else must recreate the container when it changes
     * (the image ID, the static Traefik config that is only read at start).
     */
    public String hash(String... extra) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(name).append('\n').append(image).append('\n').append(network).append('\n').append(portsNetwork).append('\n');
        ports.forEach(p -> canonical.append(p).append('\n'));
        mounts.forEach(m -> canonical.append(m).append('\n'));
        new TreeMap<>(env).forEach((k, v) -> canonical.append("env ").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(labels).forEach((k, v) -> canonical.append("label ").append(k).append('=').append(v).append('\n'));
        canonical.append(healthcheck).append(healthInterval).append(healthTimeout).append(healthRetries)
                .append(healthStartPeriod).append('\n').append(memoryBytes).append(restartPolicy).append(new TreeMap<>(logOptions))
                .append(stopTimeout);
        for (String e : extra) {
            canonical.append('\n').append(e);
        }
        // 24 hex digits: a label value, long enough that two configurations never share it
        return Sha256.of(canonical.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }
}
