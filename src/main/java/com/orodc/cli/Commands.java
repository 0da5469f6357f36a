package com.orodc.cli;

import com.orodc.core.Reporter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** What every command needs from the root: its run context and a reporter on its own stderr. */
final class Commands {
    private Commands() {
    }

    static RunContext context(CommandSpec spec) {
        return ((OrodcCommand) spec.root().userObject()).context();
    }

    static Reporter reporter(CommandSpec spec) {
        boolean terminal = System.console() != null && !"dumb".equals(context(spec).environment().get("TERM"));
        Reporter reporter = new CliReporter(spec.commandLine().getErr(), isVerbose(spec.root().commandLine().getParseResult()), terminal);
        LibraryLogs.routeTo(reporter);
        return reporter;
    }

    static boolean isVerbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
