package com.orodc.core;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a helper program with exactly the given environment, nothing on stdin and a time limit. A program
 * that cannot start or does not finish in time is a failed run (exit code -1), never an exception.
 */
public record ProgramRun(int exitCode, String out, String err) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The last non-blank line of stderr (or stdout): what a program says when it fails. */
    public String reason() {
        String text = err.isBlank() ? out : err;
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "exit code " + exitCode : lines.get(lines.size() - 1).strip();
    }

    public static ProgramRun of(List<String> command, Map<String, String> environment, Duration timeout, Charset charset) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("orodc-run", ".out");
            err = Files.createTempFile("orodc-run", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process process = pb.start();
            process.getOutputStream().close(); // no program may wait for an answer on stdin
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProgramRun(-1, "", command.get(0) + " did not finish in " + timeout.toSeconds() + " s");
            }
            return new ProgramRun(process.exitValue(), Files.readString(out, charset), Files.readString(err, charset));
        } catch (IOException e) {
            return new ProgramRun(-1, "", "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProgramRun(-1, "", "interrupted while running " + command.get(0));
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
