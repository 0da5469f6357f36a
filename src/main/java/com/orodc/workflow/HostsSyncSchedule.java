package com.orodc.workflow;

/**
 * When the next reconcile is due. One event waits only the short quiet window, so a single container
 * start shows up within tens of milliseconds; a burst (many events in one batch) waits for a longer
 * pause so that it becomes a few writes instead of one per event; nothing waits longer than the maximum.
 */
final class HostsSyncSchedule {
    static final long NONE = Long.MAX_VALUE;

    private final HostsSyncRequest.Timing timing;
    private long first = NONE;
    private long last;
    private int count;

    HostsSyncSchedule(HostsSyncRequest.Timing timing) {
        this.timing = timing;
    }

    void event(long nanos) {
        if (first == NONE) {
            first = nanos;
        }
        last = nanos;
        count++;
    }

    /** The System.nanoTime() at which to reconcile, or {@link #NONE} when nothing is pending. */
    long dueAt() {
        if (first == NONE) {
            return NONE;
        }
        long quiet = (count >= timing.burstEvents() ? timing.burstQuiet() : timing.quiet()).toNanos();
        return Math.min(last + quiet, first + timing.maxDelay().toNanos());
    }

    /** Forgets the pending batch: the reconcile about to run covers it. */
    int take() {
        int taken = count;
        first = NONE;
        count = 0;
        return taken;
    }
}
