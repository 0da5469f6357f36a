package com.orodc.cli;

import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The script of {@code orodc completion bash}, loaded into a real bash and asked what it completes. */
class CompletionTest {
    @TempDir
    Path home;

    private static final CommandLine TREE = Cli.create(new RunContext(Map.of(), Path.of("")));

    @Test
    void completesTheProxyCommandsAfterProxyDash() throws IOException {
        Set<String> expected = TREE.getSubcommands().keySet().stream().filter(n -> n.startsWith("proxy-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).contains("proxy-status", "proxy-image", "proxy-dns-sync");
        assertThat(complete(script("bash"), "orodc", "proxy-")).isEqualTo(expected);
    }

    @Test
    void completesEveryLongOptionOfInstallProxy() throws IOException {
        Set<String> expected = TREE.getSubcommands().get("install-proxy").getCommandSpec().options().stream()
                .map(OptionSpec::longestName).filter(n -> n.startsWith("--")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).contains("--pull", "--https-port", "--socks5", "--help", "--verbose");
        assertThat(complete(script("bash"), "orodc", "install-proxy", "--")).isEqualTo(expected);
    }

    @Test
    void theZshScriptLoadsBashcompinitAndCompletesTheSame() throws IOException {
        String zsh = script("zsh");
        assertThat(zsh).contains("bashcompinit");
        assertThat(complete(zsh, "orodc", "proxy-")).contains("proxy-status");
    }

    @Test
    void completesTheNameItIsLinkedAs() throws IOException {
        String script = new InProcessCli(home).run("completion", "bash", "orodc-proxy").assertSuccess().out();
        assertThat(complete(script, "orodc-proxy", "proxy-")).contains("proxy-status", "proxy-image");
    }

    @Test
    void anUnknownShellIsOneLineAndAUsageError() {
        CliResult r = new InProcessCli(home).run("completion", "fish").assertExit(2)
                .assertErr("unknown shell 'fish'").assertErr("bash or zsh");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void noShellIsAUsageErrorNamingTheParameter() {
        new InProcessCli(home).run("completion").assertExit(2).assertErr("SHELL");
    }

    private String script(String shell) {
        return new InProcessCli(home).run("completion", shell).assertSuccess().out();
    }

    /** What bash offers for the last word of {@code words}, as its completion function fills COMPREPLY. */
    private Set<String> complete(String script, String... words) throws IOException {
        assertThat(Shell.available("bash")).as("bash is not on PATH").isTrue();
        Path file = home.resolve("completion.bash");
        Files.writeString(file, script);
        String command = words[0];
        String driver = """
                source "$1"
                shift
                COMP_WORDS=("$@")
                COMP_CWORD=$(( $# - 1 ))
                COMP_LINE="$*"
                COMP_POINT=${#COMP_LINE}
                fn=$(complete -p "$COMMAND" | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')
                [ -n "$fn" ] || { echo "no completion function for $COMMAND" >&2; exit 3; }
                "$fn" "$COMMAND" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
                printf '%s\\n' "${COMPREPLY[@]}"
                """.replace("$COMMAND", "\"" + command + "\"");
        List<String> bash = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", driver, "bash", file.toString()));
        bash.addAll(List.of(words));
        Shell.Result r = Shell.run(bash, home, 30).orFail();
        return r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
