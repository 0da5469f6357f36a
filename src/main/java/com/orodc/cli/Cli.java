package com.orodc.cli;

import picocli.CommandLine;

import java.util.List;
import java.util.Optional;

/** Builds the configured command line; the application and the tests use the same one. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine configure(CommandLine commandLine) {
        addHelpOption(commandLine);
        return commandLine
                .setExecutionExceptionHandler(new ExecutionErrorHandler())
                .setParameterExceptionHandler(new ShortErrorMessageHandler())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
    }

    /** Every command answers -h/--help, declared once here instead of on each command. */
    private static void addHelpOption(CommandLine commandLine) {
        if (commandLine.getCommandSpec().findOption("--help") == null) {
            commandLine.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true).description("Show this help and exit.").build());
        }
        commandLine.getSubcommands().values().forEach(Cli::addHelpOption);
    }

    /** The whole command tree: for help, completion and the tests. */
    public static CommandLine create(RunContext context) {
        return configure(withCommands(new CommandLine(new OrodcCommand(context)), CommandTree.COMMANDS));
    }

    /**
     * The tree a command line needs: only the command it names; when it names none that exists (top-level help,
     * an unknown command and its suggestions), every command as help lists it, none of their options.
     */
    public static CommandLine forArguments(RunContext context, String... args) {
        CommandLine top = new CommandLine(new OrodcCommand(context));
        Optional<Class<?>> named = CommandTree.commandOf(args);
        if (named.isPresent()) {
            withCommands(top, List.of(named.get()));
        } else {
            CommandTree.COMMANDS.forEach(command -> top.addSubcommand(CommandTree.listing(command)));
        }
        return configure(top);
    }

    /** Classes, not instances: picocli creates each through the top command's factory (Quarkus' CDI in the application). */
    static CommandLine withCommands(CommandLine top, List<Class<?>> commands) {
        commands.forEach(top::addSubcommand);
        return top;
    }
}
