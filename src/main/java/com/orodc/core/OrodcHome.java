package com.orodc.core;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The state directory, {@code $ORODC_HOME} or {@code ~/.orodc}. Nothing is written outside it
 * unless a command says so.
 */
public record OrodcHome(Path root) {
    public static final String VARIABLE = "ORODC_HOME";

    public static OrodcHome from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value != null && !value.isBlank()) {
            try {
                return new OrodcHome(Path.of(value).toAbsolutePath());
            } catch (InvalidPathException e) {
                throw OrodcException.usage(VARIABLE + "=" + UntrustedText.of(value)
                        + " (from environment) is not valid: expected a directory path");
            }
        }
        return new OrodcHome(Path.of(System.getProperty("user.home"), ".orodc"));
    }

    public Path certs() {
        return root.resolve("certs");
    }

    /** What containers mount to trust the local CA: public files only, never a key. */
    public Path caTrust() {
        return root.resolve("ca-trust");
    }

    public Path proxy() {
        return root.resolve("proxy");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path state() {
        return root.resolve("state");
    }
}
