package com.orodc.cli;

import picocli.CommandLine;

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

    public static CommandLine create(RunContext context) {
        return configure(new CommandLine(new OrodcCommand(context)));
    }
}
