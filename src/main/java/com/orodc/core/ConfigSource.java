package com.orodc.core;

import java.nio.file.Path;

/** Where a setting's value came from, in order of precedence. */
public record ConfigSource(Kind kind, Path file) {
    public enum Kind { FLAG, ENVIRONMENT, PROJECT_FILE, DEFAULT }

    public static final ConfigSource FLAG = new ConfigSource(Kind.FLAG, null);
    public static final ConfigSource ENVIRONMENT = new ConfigSource(Kind.ENVIRONMENT, null);
    public static final ConfigSource DEFAULT = new ConfigSource(Kind.DEFAULT, null);

    public static ConfigSource projectFile(Path file) {
        return new ConfigSource(Kind.PROJECT_FILE, file);
    }

    public String describe() {
        return switch (kind) {
            case FLAG -> "command line";
            case ENVIRONMENT -> "environment";
            case PROJECT_FILE -> file.toString();
            case DEFAULT -> "default";
        };
    }
}
