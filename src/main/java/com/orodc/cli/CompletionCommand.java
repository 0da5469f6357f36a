package com.orodc.cli;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The completion script picocli generates from the command tree, so it follows every command and option. The
 * script is bash; zsh runs it through bashcompinit, which the lines picocli puts at its top load.
 */
@Command(name = "completion",
        description = "Print the shell completion script for every command and option (bash or zsh).",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(orodc completion bash)                   # bash, this shell only",
                "  orodc completion bash > ~/.local/share/bash-completion/completions/orodc",
                "  echo 'source <(orodc completion zsh)' >> ~/.zshrc     # zsh: sourced, it loads bashcompinit itself",
                "",
                "Linked as orodc-proxy, complete that name: orodc completion bash orodc-proxy"})
class CompletionCommand implements Callable<Integer> {
    static final String SHELLS = "bash or zsh";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", defaultValue = "orodc",
            description = "The command name to complete (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new OrodcException(ExitCode.USAGE, "unknown shell '" + UntrustedText.of(shell, 40)
                    + "': orodc completion prints a script for " + SHELLS + " (e.g. orodc completion bash)");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new OrodcException(ExitCode.USAGE, "'" + UntrustedText.of(name, 40)
                    + "' is not a command name: use letters, digits, '.', '_' or '-' (e.g. orodc-proxy)");
        }
        // the whole tree, not this run's (which holds this command alone); the same script serves both shells:
        // picocli's bash script enables bashcompinit when zsh reads it
        spec.commandLine().getOut().print(AutoComplete.bash(name, Cli.create(Commands.context(spec))));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
