package com.orodc.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits, bounded, for something the engine or a daemon does in its own time. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every {@code pollMillis} until it holds; fails naming {@code what} after {@code seconds}. */
    public static void until(String what, long seconds, long pollMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(pollMillis);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }
}
