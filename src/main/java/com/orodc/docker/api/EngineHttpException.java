package com.orodc.docker.api;

/** The engine answered with an error status; the message is the engine's own ({@code {"message": ...}}). */
public final class EngineHttpException extends RuntimeException {
    private final int status;

    public EngineHttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
