package com.orodc.distribution;

import com.orodc.cli.Cli;
import com.orodc.cli.RunContext;
import com.orodc.testing.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet users of the bash OroDC source: each proxy command reaches {@code orodc-proxy}, everything else the
 * bash {@code orodc}, with the arguments as typed. Both programs are stand-ins here (the bash OroDC is not part of
 * this project): each one records the arguments it got, one per line.
 */
class DispatchSnippetTest {
    static final Path SNIPPET = Path.of("shell/orodc-dispatch.sh").toAbsolutePath();
    /** Commands of orodc that the bash OroDC keeps: they are not about the proxy. */
    static final Set<String> STAY_WITH_BASH_ORODC = Set.of("config", "completion");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void everyProxyCommandOfTheTreeGoesToOrodcProxy(String shell) throws IOException {
        var tree = Cli.create(new RunContext(Map.of(), Path.of(""))).getSubcommands().keySet();
        List<String> routed = new ArrayList<>();
        for (String command : tree) {
            if (!STAY_WITH_BASH_ORODC.contains(command)) {
                routed.add(command);
                assertThat(run(shell, command, "--help")).as("orodc %s in %s", command, shell)
                        .isEqualTo("orodc-proxy: " + command + "|--help");
            }
        }
        assertThat(routed).contains("install-proxy", "proxy", "proxy-status", "proxy-image", "uninstall-proxy");
        for (String command : STAY_WITH_BASH_ORODC) {
            assertThat(tree).as("a command the bash OroDC keeps is one of orodc's").contains(command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void theBashOrodcGetsEverythingElseWithArgumentsAsTyped(String shell) throws IOException {
        assertThat(run(shell, "up", "-d")).isEqualTo("bash orodc: up|-d");
        assertThat(run(shell, "install")).isEqualTo("bash orodc: install");
        assertThat(run(shell, "proxyfoo")).isEqualTo("bash orodc: proxyfoo");
        assertThat(run(shell, "config")).isEqualTo("bash orodc: config");
        assertThat(run(shell)).isEqualTo("bash orodc:");
        assertThat(run(shell, "proxy", "logs", "-f", "a b", "")).isEqualTo("orodc-proxy: proxy|logs|-f|a b|");
        assertThat(run(shell, "proxy-image", "build", "--to", "tar:my proxy.tar"))
                .isEqualTo("orodc-proxy: proxy-image|build|--to|tar:my proxy.tar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void orodcProxyCommandNamesAnotherProgram(String shell) throws IOException {
        assertThat(run(shell, Map.of("ORODC_PROXY_COMMAND", dir.resolve("bin/orodc-proxy").toString()), "proxy-status"))
                .isEqualTo("orodc-proxy: proxy-status");
    }

    private String run(String shell, String... args) throws IOException {
        return run(shell, Map.of(), args);
    }

    /** Sources the snippet in {@code shell}, calls {@code orodc ARGS}, returns which stand-in ran and with what. */
    private String run(String shell, Map<String, String> env, String... args) throws IOException {
        assertThat(Shell.available(shell)).as(shell + " is not on PATH: install it (.ci/install-deps test)").isTrue();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path record = dir.resolve("record");
        standIn(bin.resolve("orodc"), "bash orodc", record);
        standIn(bin.resolve("orodc-proxy"), "orodc-proxy", record);
        Files.deleteIfExists(record);
        List<String> command = new ArrayList<>(List.of(shell, "-c", ". \"$0\" && orodc \"$@\"", SNIPPET.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().remove("ORODC_PROXY_COMMAND");
        pb.environment().putAll(env);
        Shell.run(pb, 30).orFail();
        return Files.readString(record).strip();
    }

    private static void standIn(Path file, String name, Path record) throws IOException {
        Files.writeString(file, "#!/bin/sh\n# stand-in: records who ran and the arguments, | between them\n"
                + "(printf '%s: ' '" + name + "'; first=1; for a in \"$@\"; do [ -n \"$first\" ] || printf '|';"
                + " first=; printf '%s' \"$a\"; done; echo) > '" + record + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
