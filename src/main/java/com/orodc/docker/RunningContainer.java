package com.orodc.docker;

import java.util.Map;

/** A running container as the hosts sync sees it: id, name (without the leading slash) and labels. */
public record RunningContainer(String id, String name, Map<String, String> labels) {
    public RunningContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
