package com.orodc.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs orodc as its container image, the way README's {@code docker run} lines do: the state folder mounted at
 * {@code /orodc}, the variables set with {@code -e}, and whatever else the test adds (the socket, a folder).
 */
public final class ContainerCli extends CliDriver {
    /** The host's own: the image has its PATH, its Java and its ORODC_HOME. */
    private static final Set<String> HOST_ONLY = Set.of("PATH", "HOME", "JAVA_HOME", "ORODC_HOME");

    private final String image;
    private final Path orodcHome;
    private final List<String> dockerOptions = new ArrayList<>();

    public ContainerCli(String image, Path orodcHome) {
        super(orodcHome);
        this.image = image;
        this.orodcHome = orodcHome;
    }

    /** Adds {@code docker run} options, e.g. {@code -v SRC:DST}. */
    public ContainerCli with(String... options) {
        dockerOptions.addAll(List.of(options));
        return this;
    }

    @Override
    public CliResult run(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "-v", orodcHome + ":/orodc"));
        command.addAll(dockerOptions);
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!HOST_ONLY.contains(e.getKey())) {
                command.addAll(List.of("-e", e.getKey() + "=" + e.getValue()));
            }
        }
        command.add(image);
        command.addAll(List.of(args));
        Shell.Result r = Shell.run(command, workingDirectory, 300);
        return new CliResult(r.exitCode(), r.out(), r.err());
    }
}
