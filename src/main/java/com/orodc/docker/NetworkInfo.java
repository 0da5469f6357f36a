package com.orodc.docker;

import com.orodc.core.ProxyContainerSpec;

import java.util.Map;

/** A Docker network: its id, labels and how many containers are attached to it now. */
public record NetworkInfo(String id, String name, Map<String, String> labels, int containers) {
    public NetworkInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean managed() {
        return "true".equals(labels.get(ProxyContainerSpec.MANAGED_LABEL));
    }
}
