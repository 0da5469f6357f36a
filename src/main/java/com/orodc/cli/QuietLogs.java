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
    private static final String JBOSS_LOG_MANAGER = "org.jboss.logmanager.LogManager";

    private QuietLogs() {
    }

    static void install() {
        // The JBoss log manager ships with the application and answers the JDK's own System.Logger calls; it
        // warns on stderr unless it is also java.util.logging's manager, as Quarkus makes it. Set before first use.
        if (ClassLoader.getSystemResource(JBOSS_LOG_MANAGER.replace('.', '/') + ".class") != null) {
            System.setProperty("java.util.logging.manager", JBOSS_LOG_MANAGER);
        }
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
