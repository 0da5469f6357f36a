package com.orodc.docker;

/** The engine's own version and the API version it speaks. */
public record EngineVersion(String version, String apiVersion) {
}
