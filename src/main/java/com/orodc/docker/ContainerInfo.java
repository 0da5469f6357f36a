package com.orodc.docker;

import com.orodc.core.ProxyContainerSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine says of one container, in our own terms: workflows read this and never the engine's
 * inspect response.
 *
 * @param portBindings container TCP port to the {@code ip:port} host bindings configured for it
 * @param health the healthcheck status ({@code starting}, {@code healthy}, {@code unhealthy}), empty without one
 */
public record ContainerInfo(String id, String name, String image, String imageId, boolean running, String status,
                            long exitCode, String startedAt, long restartCount, Optional<String> health,
                            String lastHealthOutput, Map<String, String> labels, Map<Integer, List<String>> portBindings) {
    public ContainerInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        portBindings = Map.copyOf(portBindings);
    }

    /** Created by orodc (it carries our label), so orodc may replace or remove it. */
    public boolean managed() {
        return "true".equals(labels.get(ProxyContainerSpec.MANAGED_LABEL));
    }

    /** The hash of the spec it was created from; empty when it was not created by orodc. */
    public String configHash() {
        return labels.getOrDefault(ProxyContainerSpec.HASH_LABEL, "");
    }

    public String shortId() {
        return id.substring(0, Math.min(12, id.length()));
    }
}
