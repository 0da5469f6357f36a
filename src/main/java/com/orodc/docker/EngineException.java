package com.orodc.docker;

import com.orodc.docker.api.EngineHttpException;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.util.function.Supplier;

/**
 * The engine refused a call (it answered, with an error status). Callers that can carry on, for example
 * when a container stopped in the meantime, tell the cases apart by the status; everything else is the
 * project's one exception and reaches the user as a failure.
 */
public final class EngineException extends OrodcException {
    private final int status;

    EngineException(int status, String message, Throwable cause) {
        super(ExitCode.FAILURE, message, cause);
        this.status = status;
    }

    /** The thing named does not exist (any more). */
    public boolean notFound() {
        return status == 404;
    }

    /** The engine did nothing because the thing is already as asked, for example a stopped container told to stop. */
    public boolean alreadyThere() {
        return status == 304;
    }

    /** The thing is in the wrong state for the call, for example a container that is not running. */
    public boolean conflict() {
        return status == 409;
    }

    /** Runs one call to the engine, turning the client's error status into ours. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineHttpException e) {
            throw new EngineException(e.status(), e.getMessage(), e);
        }
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
