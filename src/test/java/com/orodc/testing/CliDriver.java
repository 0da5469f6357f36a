package com.orodc.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs orodc with a given environment and working directory. The same tests run in-process
 * ({@link InProcessCli}) and against the packaged application ({@link PackagedCli}).
 */
public abstract class CliDriver {
    protected final Map<String, String> env = new HashMap<>();
    protected Path workingDirectory = Path.of("").toAbsolutePath();

    /** Starts from a clean environment: only PATH, HOME and the given ORODC_HOME. */
    protected CliDriver(Path orodcHome) {
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", orodcHome.resolve("user-home").toString());
        env.put("ORODC_HOME", orodcHome.toString());
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
    }

    public CliDriver env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliDriver in(Path directory) {
        workingDirectory = directory;
        return this;
    }

    public abstract CliResult run(String... args);
}
