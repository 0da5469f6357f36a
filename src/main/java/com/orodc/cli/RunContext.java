package com.orodc.cli;

import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcHome;

import java.nio.file.Path;
import java.util.Map;

/** What a run sees of the outside world: environment and working directory. Tests give their own. */
public record RunContext(Map<String, String> environment, Path workingDirectory) {

    public static RunContext system() {
        return new RunContext(System.getenv(), Path.of("").toAbsolutePath());
    }

    public OrodcHome home() {
        return OrodcHome.from(environment);
    }

    public ConfigResolver configResolver() {
        return new ConfigResolver(environment, workingDirectory);
    }
}
