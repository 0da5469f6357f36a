package com.orodc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application the way the {@code ./orodc} launcher does. */
public final class PackagedCli extends CliDriver {
    private static final long TIMEOUT_SECONDS = 300;

    public PackagedCli(Path orodcHome) {
        super(orodcHome);
    }

    public static Path appJar() {
        String jar = System.getProperty("orodc.app.jar", "target/quarkus-app/orodc.jar");
        return Path.of(jar).toAbsolutePath();
    }

    @Override
    public CliResult run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(appJar().toString());
        command.add("com.orodc.cli.Main");
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("orodc-out", ".txt");
            Path err = Files.createTempFile("orodc-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("orodc " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            CliResult result = new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
