package com.orodc.core;

/**
 * The one exception type of the project. Its message is a single line a user can act on;
 * the exit code says which class of failure it was.
 */
public class OrodcException extends RuntimeException {
    private final ExitCode exitCode;

    public OrodcException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public OrodcException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static OrodcException usage(String message) {
        return new OrodcException(ExitCode.USAGE, message);
    }

    public static OrodcException io(String message, Throwable cause) {
        return new OrodcException(ExitCode.IO, message, cause);
    }
}
