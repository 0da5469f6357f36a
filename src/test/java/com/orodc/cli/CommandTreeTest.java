package com.orodc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the command it names (or, for top-level help and mistakes, the list of commands): what it
 * prints and its exit code are those of the whole tree, which help, completion and the Quarkus entry use.
 */
class CommandTreeTest {
    @TempDir
    Path home;

    @Test
    void aRunPrintsWhatTheWholeTreePrints() {
        List<List<String>> lines = List.of(List.of(), List.of("--help"), List.of("-h"), List.of("--verbose"),
                List.of("--help", "config"), List.of("-V", "config"), List.of("no-such-command"), List.of("proxy-statu"),
                List.of("--bogus"), List.of("no-such-command", "--help"), List.of("config"), List.of("--verbose", "config"),
                List.of("config", "--bogus"), List.of("config", "--help"), List.of("proxy"), List.of("proxy", "nosuch"),
                List.of("proxy", "up", "--help"), List.of("proxy-image", "build", "--help"), List.of("completion", "fish"),
                List.of("install-proxy", "--http-port", "notaport"), List.of("proxy-dns-sync", "--help"));
        for (List<String> args : lines) {
            String[] argv = args.toArray(String[]::new);
            Run whole = run(Cli.create(context()), argv);
            Run lazy = run(Cli.forArguments(context(), argv), argv);
            assertThat(lazy).as("orodc %s", args).isEqualTo(whole);
            assertThat(whole.out() + whole.err()).as("orodc %s prints something", args).isNotBlank();
        }
    }

    @Test
    void everyCommandOfTheTreeIsFoundByItsName() {
        for (String name : Cli.create(context()).getSubcommands().keySet()) {
            CommandLine one = Cli.forArguments(context(), "--verbose", name);
            assertThat(one.getSubcommands().keySet()).as(name).containsExactly(name);
        }
        assertThat(CommandTree.commandOf("no-such-command")).isEmpty();
        assertThat(CommandTree.commandOf("--help", "config")).isEmpty();
    }

    @Test
    void completionStillCoversTheWholeTree() {
        Run completion = run(Cli.forArguments(context(), "completion", "bash"), "completion", "bash");
        assertThat(completion.code()).isZero();
        for (String name : Cli.create(context()).getSubcommands().keySet()) {
            assertThat(completion.out()).as("completion names %s", name).contains(name);
        }
        assertThat(completion.out()).contains("--http-port").contains("trust-snippet");
    }

    private RunContext context() {
        return new RunContext(Map.of("ORODC_HOME", home.toString(), "HOME", home.toString(),
                "DOCKER_HOST", "unix://" + home.resolve("no-docker.sock")), home);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
