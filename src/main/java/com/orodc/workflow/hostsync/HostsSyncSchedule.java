package com.orodc.workflow.hostsync;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the next reconcile is due. A name is wanted in the file at once, so an event is answered right
 * away (after the quiet window, none by default), with no wait for other containers' events; a
 * reconcile that changes no name writes nothing. Only the number of writes is bounded:
 * at most {@code writesPerSecond} in any second, so a burst (compose up, a script starting 200) becomes a
 * handful of writes a second instead of one per container, and a name waits only while that budget is
 * spent. After each batch one more reconcile follows a little later: the engine may still list a
 * container as running when it has already reported its death.
 *
 * <p>The schedule this replaces waited for a pause in all labelled containers' events and doubled that
 * wait up to 8 s while events kept coming: under steady churn of other projects every name waited for it,
 * which gave the multi-second outliers.
 */
final class HostsSyncSchedule {
    static final long NONE = Long.MAX_VALUE;
    /** During the first minute of an outage the engine is tried at least this often... */
    static final Duration FAST_RETRY = Duration.ofSeconds(2);
    /** ...so that the names are right within about that long of its return; later the backoff grows further. */
    static final Duration FAST_RETRY_WINDOW = Duration.ofMinutes(1);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final HostsSyncRequest.Timing timing;
    /** When the last writes happened, oldest first: at most writesPerSecond of them, all within a second. */
    private final Deque<Long> writes = new ArrayDeque<>();
    private long first = NONE;
    private long followUp = NONE;

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
    }

    /** An event that may change the names, seen at {@code nanos}. */
    void event(long nanos) {
        if (first == NONE) {
            first = nanos;
        }
    }

    /** The System.nanoTime() at which to reconcile, or {@link #NONE} when nothing is pending. */
    long dueAt() {
        long due = first == NONE ? followUp : first + timing.quiet().toNanos();
        if (due == NONE) {
            return NONE;
        }
        // the budget is spent: the next write waits until the oldest of the last ones is a second old
        if (writes.size() >= timing.writesPerSecond()) {
            due = Math.max(due, writes.peekFirst() + SECOND);
        }
        return due;
    }

    /**
     * The reconcile about to run at {@code nanos} covers what is pending; a follow-up is planned after it.
     * @return whether it answers events (false: it is the follow-up)
     */
    boolean take(long nanos) {
        boolean hadEvents = first != NONE;
        first = NONE;
        followUp = hadEvents ? nanos + timing.followUp().toNanos() : NONE;
        return hadEvents;
    }

    /** The reconcile of {@code nanos} wrote the file: it counts against the budget. */
    void wrote(long nanos) {
        writes.addLast(nanos);
        while (writes.size() > timing.writesPerSecond() || (!writes.isEmpty() && writes.peekFirst() <= nanos - SECOND)) {
            writes.removeFirst();
        }
    }
}
