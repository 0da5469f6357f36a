package com.orodc.docker;

import java.util.List;
import java.util.Map;

/** An image in the local engine: its id, size, labels and the diff ids of its layers, bottom first. */
public record ImageInfo(String id, long size, Map<String, String> labels, List<String> layers) {
    public ImageInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        layers = List.copyOf(layers);
    }
}
