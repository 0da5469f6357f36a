package com.orodc.certs.trust;

import com.orodc.core.ProgramRun;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A trust tool (certutil, update-ca-certificates, security) found on the run's PATH and run with a time limit. */
final class ExternalProgram {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> environment;

    ExternalProgram(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The program's path: a name is looked up on PATH, a path is taken as it is. */
    Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    boolean available(String program) {
        return find(program).isPresent();
    }

    /** Runs the command; a program that cannot start or does not finish in time is a failed result, not an exception. */
    ProgramRun run(List<String> command) {
        return ProgramRun.of(command, environment, TIMEOUT, StandardCharsets.UTF_8);
    }
}
