package com.orodc.cli;

import com.orodc.core.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What jib logs (its progress, the HTTP client's retries) reaches the user only as the reporter's debug lines,
 * one line each without a stack trace: orodc itself says what went wrong and what to do.
 */
final class LibraryLogs extends Handler {
    static final List<String> LIBRARIES = List.of("com.google.cloud.tools.jib");
    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger loses its handler. */
    private static final List<Logger> ROUTED = new ArrayList<>();
    private static final Formatter MESSAGE = new SimpleFormatter();

    private final Reporter reporter;

    private LibraryLogs(Reporter reporter) {
        this.reporter = reporter;
    }

    /** From now on the libraries' log records go to {@code reporter}, replacing an earlier one. */
    static synchronized void routeTo(Reporter reporter) {
        for (String name : LIBRARIES) {
            Logger logger = Logger.getLogger(name);
            for (Handler h : logger.getHandlers()) {
                if (h instanceof LibraryLogs) {
                    logger.removeHandler(h);
                }
            }
            logger.addHandler(new LibraryLogs(reporter));
            logger.setUseParentHandlers(false);
            if (!ROUTED.contains(logger)) {
                ROUTED.add(logger);
            }
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String cause = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
        String source = record.getLoggerName() == null ? "library" : record.getLoggerName();
        reporter.debug(source.substring(source.lastIndexOf('.') + 1) + ": " + MESSAGE.formatMessage(record) + cause);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // the reporter belongs to the command
    }
}
