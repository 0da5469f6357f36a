package com.orodc.core;

/** The process exit codes; README documents the same table. */
public enum ExitCode {
    OK(0),
    /** A check found something to fix, or an operation did not complete. */
    FAILURE(1),
    /** Bad command line or invalid configuration value. */
    USAGE(2),
    /** proxy-status: the proxy is not installed (shares the value of USAGE, as the status contract asks). */
    NOT_INSTALLED(2),
    DOCKER_UNREACHABLE(3),
    /** A file or directory could not be read or written. */
    IO(4),
    /** A certificate or key is corrupt, foreign, mismatched or expired. */
    CERTIFICATE(5),
    /** One or more trust stores could not be updated. */
    TRUST(6),
    /** A bug: an unexpected exception. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
