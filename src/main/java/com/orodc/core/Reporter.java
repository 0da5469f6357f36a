package com.orodc.core;

/**
 * How libraries and workflows tell the user what happens. They never print; the CLI decides
 * whether a report becomes a line, a progress bar or nothing.
 */
public interface Reporter {
    enum Level { DEBUG, INFO, WARN, ERROR }

    void report(Level level, String message);

    /** Progress of one task; {@code total} is -1 when unknown. */
    default void progress(String task, long done, long total) {
    }

    default void debug(String message) {
        report(Level.DEBUG, message);
    }

    default void info(String message) {
        report(Level.INFO, message);
    }

    default void warn(String message) {
        report(Level.WARN, message);
    }

    default void error(String message) {
        report(Level.ERROR, message);
    }

    Reporter SILENT = (level, message) -> { };
}
