package com.orodc.cli;

import com.orodc.core.Reporter;

import java.io.PrintWriter;

/** Turns reports into lines on stderr: diagnostics never mix with a command's results on stdout. */
final class CliReporter implements Reporter {
    private final PrintWriter err;
    private final boolean verbose;

    CliReporter(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void report(Level level, String message) {
        switch (level) {
            case DEBUG -> {
                if (verbose) {
                    err.println("  " + message);
                }
            }
            case INFO -> err.println(message);
            case WARN -> err.println("warning: " + message);
            case ERROR -> err.println("error: " + message);
        }
        err.flush();
    }

    @Override
    public void progress(String task, long done, long total) {
        if (verbose) {
            err.println("  " + task + ": " + done + (total >= 0 ? "/" + total : ""));
            err.flush();
        }
    }
}
