package com.orodc.docker;

import java.util.Map;

/**
 * One lifecycle event of a container: {@code start}, {@code die}, {@code destroy}, {@code rename}...
 * The engine sends the container's labels among the attributes.
 */
public record ContainerEvent(String action, String id, String name, Map<String, String> attributes) {
    public ContainerEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
