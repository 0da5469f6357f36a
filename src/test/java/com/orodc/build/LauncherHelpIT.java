package com.orodc.build;

import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher starts every command line without Quarkus and builds only the command that runs: what it prints,
 * and its exit codes, are what the application prints when started through Quarkus ({@code java -jar}), for help,
 * version, mistakes and commands that run.
 */
class LauncherHelpIT {
    private static final Path LAUNCHER = Path.of("orodc").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void everyCommandLinePrintsWhatTheQuarkusEntryPrints() {
        List<List<String>> lines = List.of(List.of(), List.of("--version"), List.of("-V"), List.of("--help"),
                List.of("-h"), List.of("config", "--help"), List.of("proxy", "up", "-h"),
                List.of("proxy-image", "build", "--help"), List.of("no-such-command", "--help"), List.of("no-such-command"),
                List.of("--help", "config"), List.of("config"), List.of("config", "--bogus"), List.of("--verbose", "config"),
                List.of("proxy-status"), List.of("proxy-status", "--json"), List.of("completion", "bash"));
        for (List<String> args : lines) {
            Shell.Result app = run(java(args));
            Shell.Result launcher = run(launcher(args));
            assertThat(launcher.exitCode()).as("exit of orodc %s", args).isEqualTo(app.exitCode());
            assertThat(launcher.out()).as("stdout of orodc %s", args).isEqualTo(app.out());
            assertThat(launcher.out() + launcher.err()).as("output of orodc %s", args).isNotBlank();
            assertThat(launcher.err()).as("stderr of orodc %s", args).isEqualTo(app.err());
        }
    }

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PackagedCli.appJar().resolveSibling("quarkus-run.jar").toString()));
        command.addAll(args);
        return command;
    }

    private static List<String> launcher(List<String> args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        return command;
    }

    private Shell.Result run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("ORODC_HOME", tmp.resolve("orodc-home").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        // no engine: proxy-status gives the same answer (exit 3) whichever engine this machine runs
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("no-docker.sock"));
        return Shell.run(pb, 180);
    }
}
