package com.orodc.workflow;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * When the next reconcile is due.
 * <ul>
 * <li>An event on a quiet engine waits only the short quiet window: one container start shows up within
 * tens of milliseconds.</li>
 * <li>While containers are being created and not yet started (docker compose up, a script starting many),
 * more starts are coming: the batch waits for them, so a burst becomes a few writes instead of one per
 * container, and the last start is written a quiet window after it happens.</li>
 * <li>Many events within a short time without creations (mass stop, removal, or start of existing
 * containers) wait for a longer pause.</li>
 * <li>No batch waits longer than the maximum delay after its first event. When a batch had to be cut
 * short by it (the burst goes on), the next one may wait twice as long, up to the longest delay: a long
 * burst on a slow machine still makes only a handful of writes.</li>
 * <li>After each batch one more reconcile follows a little later: the engine may still list a container as
 * running when it has already reported its death.</li>
 * </ul>
 */
final class HostsSyncSchedule {
    static final long NONE = Long.MAX_VALUE;

    private final HostsSyncRequest.Timing timing;
    private final long[] recent; // times of the last burstEvents events, a ring
    private final Map<String, Long> creating = new HashMap<>(); // created, not yet started: id -> time
    private int recentNext;
    private long first = NONE;
    private long last;
    private long followUp = NONE;
    private long lastCreated = Long.MIN_VALUE;
    private long maxDelay;

    HostsSyncSchedule(HostsSyncRequest.Timing timing) {
        this.timing = timing;
        this.recent = new long[Math.max(1, timing.burstEvents())];
        this.maxDelay = timing.maxDelay().toNanos();
        Arrays.fill(recent, Long.MIN_VALUE);
    }

    /** A container was created: its start will follow. Not a change of names by itself. */
    void created(String id, long nanos) {
        if (id != null) {
            creating.put(id, nanos);
        }
        lastCreated = nanos;
    }

    void event(String id, String action, long nanos) {
        if (id != null && (action.equals("start") || action.equals("destroy"))) {
            creating.remove(id);
        }
        if (first == NONE) {
            first = nanos;
        }
        last = nanos;
        recent[recentNext] = nanos;
        recentNext = (recentNext + 1) % recent.length;
    }

    void event(long nanos) {
        event(null, "", nanos);
    }

    /** The System.nanoTime() at which to reconcile, or {@link #NONE} when nothing is pending. */
    long dueAt() {
        if (first == NONE) {
            return followUp;
        }
        long latest = first + maxDelay;
        long startsExpectedUntil = latestCreationStillPending();
        if (startsExpectedUntil != NONE) {
            return Math.min(latest, Math.max(last + timing.quiet().toNanos(), startsExpectedUntil));
        }
        long oldest = recent[recentNext];
        // starts that follow creations we saw are accounted for above: when none is pending, the burst is over
        boolean creationsJustEnded = lastCreated != Long.MIN_VALUE && last - lastCreated <= timing.burstWindow().toNanos();
        boolean burst = !creationsJustEnded && oldest != Long.MIN_VALUE && last - oldest <= timing.burstWindow().toNanos();
        long quiet = (burst ? timing.burstQuiet() : timing.quiet()).toNanos();
        return Math.min(latest, last + quiet);
    }

    /** Until when a start is still expected; a creation never followed by a start stops counting after the burst window. */
    private long latestCreationStillPending() {
        long until = NONE;
        long window = timing.burstWindow().toNanos();
        for (Iterator<Long> it = creating.values().iterator(); it.hasNext(); ) {
            long expires = it.next() + window;
            if (expires <= last) {
                it.remove();
            } else {
                until = until == NONE ? expires : Math.max(until, expires);
            }
        }
        return until;
    }

    /** The reconcile about to run at {@code nanos} covers the pending batch; a follow-up is planned after it. */
    void take(long nanos) {
        boolean hadEvents = first != NONE;
        boolean cutShort = hadEvents && nanos - first >= maxDelay;
        maxDelay = cutShort ? Math.min(2 * maxDelay, timing.longestDelay().toNanos()) : timing.maxDelay().toNanos();
        first = NONE;
        followUp = hadEvents ? nanos + timing.followUp().toNanos() : NONE;
    }
}
