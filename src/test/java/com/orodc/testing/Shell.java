package com.orodc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real external program (openssl, curl, docker, ...) with a time limit. */
public final class Shell {
    public record Result(int exitCode, String out, String err) {
        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("command failed with " + exitCode + ":\n" + out + "\n" + err);
            }
            return this;
        }
    }

    private Shell() {
    }

    public static Result run(List<String> command) {
        return run(command, null, 120);
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    public static Result run(List<String> command, Path directory, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        return run(pb, timeoutSeconds);
    }

    /** Runs a prepared process (its environment and directory set by the caller). */
    public static Result run(ProcessBuilder pb, long timeoutSeconds) {
        List<String> command = pb.command();
        try {
            Path out = Files.createTempFile("shell-out", ".txt");
            Path err = Files.createTempFile("shell-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
