package com.orodc.certs.trust;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A trust tool (certutil, update-ca-certificates, security) found on the run's PATH and run with a time limit. */
final class ExternalProgram {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last non-blank line of stderr (or stdout): what a tool says when it fails. */
        String reason() {
            String text = err.isBlank() ? out : err;
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "exit code " + exitCode : lines.get(lines.size() - 1).strip();
        }
    }

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
    Result run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("orodc-trust", ".out");
            err = Files.createTempFile("orodc-trust", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process process = pb.start();
            process.getOutputStream().close(); // no tool may wait for an answer on stdin
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", command.get(0) + " did not finish in " + TIMEOUT.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted while running " + command.get(0));
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
