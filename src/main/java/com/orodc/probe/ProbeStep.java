package com.orodc.probe;

import java.time.Duration;

/** One step of a network probe, as the user sees it: what, whether it worked, how long, and why not. */
public record ProbeStep(String name, boolean ok, Duration took, String detail) {
    public static ProbeStep ok(String name, long startNanos, String detail) {
        return new ProbeStep(name, true, Duration.ofNanos(System.nanoTime() - startNanos), detail);
    }

    public static ProbeStep failed(String name, long startNanos, String detail) {
        return new ProbeStep(name, false, Duration.ofNanos(System.nanoTime() - startNanos), detail);
    }
}
