package com.orodc.workflow.hostsync;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * When the next reconcile is due.
 * <ul>
 * <li>An event on a quiet engine waits only the short quiet window: one container start shows up within
 * tens of milliseconds.</li>
 * <li>While containers are being created and not yet started (docker compose up, a script starting many),
 * more starts are coming: the batch waits for them, so a burst becomes a few writes instead of one per
 * container, and the last start is written a quiet window after it happens.</li>
 * <li>A batch with events of several containers (compose up, mass stop or removal) waits for a longer
 * pause; one container's events (a start; kill, die and stop of one stop) only for the quiet window.</li>
 * <li>No batch waits longer than the maximum delay after its first event. When a batch had to be cut
 * short by it (the burst goes on), the next one may wait twice as long, up to the longest delay, until the
 * engine has been quiet for a burst window: a long burst on a slow machine makes only a handful of writes.</li>
 * <li>After each batch one more reconcile follows a little later: the engine may still list a container as
 * running when it has already reported its death.</li>
 * </ul>
 */
final class HostsSyncSchedule {
    static final long NONE = Long.MAX_VALUE;
    /** During the first minute of an outage the engine is tried at least this often... */
    static final Duration FAST_RETRY = Duration.ofSeconds(2);
    /** ...so that the names are right within about that long of its return; later the backoff grows further. */
    static final Duration FAST_RETRY_WINDOW = Duration.ofMinutes(1);

    private final HostsSyncRequest.Timing timing;
    private final Set<String> batchContainers = new HashSet<>();
    private final Map<String, Long> creating = new HashMap<>(); // created, not yet started: id -> time
    private long lastEvent = Long.MIN_VALUE;
    private long first = NONE;
    private long last;
    private long followUp = NONE;
    private long maxDelay;

    /**
     * How long to wait before the next attempt to reach the engine, {@code downFor} after it went away:
     * the backoff doubles from its initial value, capped at {@link #FAST_RETRY} during the
     * {@link #FAST_RETRY_WINDOW} and at the maximum backoff after it.
     */
    static Duration reconnectDelay(Duration previous, Duration downFor, HostsSyncRequest.Timing timing) {
        Duration next = previous == null ? timing.initialBackoff() : previous.multipliedBy(2);
        Duration cap = downFor.compareTo(FAST_RETRY_WINDOW) < 0 && FAST_RETRY.compareTo(timing.maxBackoff()) < 0
                ? FAST_RETRY : timing.maxBackoff();
        return next.compareTo(cap) > 0 ? cap : next;
    }

    HostsSyncSchedule(HostsSyncRequest.Timing timing) {
        this.timing = timing;
        this.maxDelay = timing.maxDelay().toNanos();
    }

    /** A container was created: its start will follow. Not a change of names by itself. */
    void created(String id, long nanos) {
        if (id != null) {
            creating.put(id, nanos);
        }
    }

    void event(String id, String action, long nanos) {
        if (id != null && (action.equals("start") || action.equals("destroy"))) {
            creating.remove(id);
        }
        if (first == NONE) {
            if (lastEvent < nanos - timing.burstWindow().toNanos()) {
                maxDelay = timing.maxDelay().toNanos(); // quiet for a while: whatever burst there was is over
            }
            first = nanos;
        }
        last = nanos;
        lastEvent = nanos;
        batchContainers.add(id == null ? "#" + batchContainers.size() : id);
    }

    void event(long nanos) {
        event(null, "", nanos);
    }

    /** The System.nanoTime() at which to reconcile, or {@link #NONE} when nothing is pending. */
    long dueAt() {
        if (first == NONE) {
            return followUp;
        }
        boolean burst = batchContainers.size() > 1;
        long due = last + (burst ? timing.burstQuiet() : timing.quiet()).toNanos();
        long startsExpectedUntil = latestCreationStillPending();
        if (startsExpectedUntil != NONE) {
            due = Math.max(due, startsExpectedUntil);
        }
        return Math.min(first + maxDelay, due);
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
        if (cutShort) {
            maxDelay = Math.min(2 * maxDelay, timing.longestDelay().toNanos());
        }
        first = NONE;
        batchContainers.clear();
        followUp = hadEvents ? nanos + timing.followUp().toNanos() : NONE;
    }
}
