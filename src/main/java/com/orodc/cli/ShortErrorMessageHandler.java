package com.orodc.cli;

import com.orodc.core.ExitCode;
import com.orodc.core.UntrustedText;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/** Parse errors: the message, a suggestion when there is one, the synopsis and where to get help. */
final class ShortErrorMessageHandler implements IParameterExceptionHandler {
    private static final int MESSAGE_SHOWN = 300;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli quotes the arguments it could not use: they are the user's, so shown escaped and shortened
        err.println("error: " + UntrustedText.of(ex.getMessage(), MESSAGE_SHOWN));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.print(cmd.getHelp().fullSynopsis());
        err.printf("Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCode.USAGE.code();
    }
}
