package com.orodc.cli;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** The one place where failures become a line on stderr and an exit code. */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = Commands.isVerbose(parseResult);
        int code;
        if (ex instanceof OrodcException oe) {
            err.println("error: " + oe.getMessage());
            code = oe.exitCode().code();
        } else {
            err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + UntrustedText.of(ex.getMessage(), 300));
            if (!verbose) {
                err.println("This is a bug in orodc; run again with --verbose and report the output.");
            }
            code = ExitCode.INTERNAL.code();
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
