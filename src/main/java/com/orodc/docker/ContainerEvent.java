package com.orodc.docker;

/** One lifecycle event of a container: {@code start}, {@code die}, {@code destroy}, {@code rename}... */
public record ContainerEvent(String action, String id, String name) {
}
