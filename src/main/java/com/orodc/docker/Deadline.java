package com.orodc.docker;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a stream when its time is up: a blocking read on a unix socket has no timeout of its own, and
 * closing the stream is what ends the read.
 */
final class Deadline implements AutoCloseable {
    private final Thread timer;
    private final AtomicBoolean passed = new AtomicBoolean();

    private Deadline(Closeable target, long millis) {
        timer = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException finished) {
                return;
            }
            passed.set(true);
            try {
                target.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, "docker-deadline");
        timer.setDaemon(true);
        timer.start();
    }

    static Deadline closing(Closeable target, long millis) {
        return new Deadline(target, millis);
    }

    boolean passed() {
        return passed.get();
    }

    @Override
    public void close() {
        timer.interrupt();
    }
}
