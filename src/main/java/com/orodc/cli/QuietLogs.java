package com.orodc.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What application.properties asks of Quarkus' log manager, for runs that do not start Quarkus: warnings and
 * errors only, on stderr, one line each (the message and its cause). The libraries orodc reports for
 * ({@link LibraryLogs}) are routed to the command's reporter on top of this.
 */
final class QuietLogs extends Formatter {
    private QuietLogs() {
    }

    static void install() {
        // JBoss Logging (Qute) picks its back end itself; java.util.logging is the one set up here
        System.setProperty("org.jboss.logging.provider", "jdk");
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler stderr = new ConsoleHandler();
        stderr.setFormatter(new QuietLogs());
        stderr.setLevel(Level.WARNING);
        root.addHandler(stderr);
        root.setLevel(Level.WARNING);
    }

    @Override
    public String format(LogRecord record) {
        String cause = record.getThrown() == null ? "" : ": " + record.getThrown();
        return formatMessage(record) + cause + System.lineSeparator();
    }
}
