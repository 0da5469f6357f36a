package com.orodc.cli;

import picocli.CommandLine;

/** Builds the configured command line; the application and the tests use the same one. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setExecutionExceptionHandler(new ExecutionErrorHandler())
                .setParameterExceptionHandler(new ShortErrorMessageHandler())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
    }

    public static CommandLine create(RunContext context) {
        return configure(new CommandLine(new OrodcCommand(context)));
    }
}
