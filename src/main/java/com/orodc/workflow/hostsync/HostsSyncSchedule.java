package com.orodc.workflow.hostsync;

import java.time.Duration;

/**
 * When the next reconcile is due. A name is wanted in the file at once, so an event is answered right
 * away (after the quiet window, none by default), with no wait for other containers' events; a
 * reconcile that changes no name writes nothing. Only the number of writes is bounded:
 * at most {@code writesPerSecond} in any second, so a burst (compose up, a script starting 200) becomes a
 * handful of writes a second instead of one per container. A third of that budget may be written at once;
 * after that, writes are spaced evenly (125 ms apart for 10 a second), so in a burst every name waits at most
 * one such interval. The budget as a plain count of the last second let ten writes go at once and then held
 * every name until the oldest of them was a second old: up to 0.9 s in a burst of 200.
 * After each batch that lists the containers one more reconcile follows a little later: the engine may still
 * list a container as running when it has already reported its death.
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
    /** How far apart writes are once the writes allowed at once are spent. */
    private final long interval;
    /** How much earlier than {@link #paced} a write may come: the writes allowed at once, less one. */
    private final long tolerance;
    /** When the next write would be due if every write were spaced by the interval (generic cell rate). */
    private long paced = NONE;
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
        int perSecond = Math.max(1, timing.writesPerSecond());
        int atOnce = Math.max(1, perSecond / 3);
        // atOnce writes, then one each interval: atOnce + (perSecond - atOnce) in any second, never more
        this.interval = SECOND / (perSecond - atOnce + 1);
        this.tolerance = (atOnce - 1) * interval;
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
        // the writes allowed at once are spent: the next waits for its place in the even spacing
        if (paced != NONE) {
            due = Math.max(due, paced - tolerance);
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

    /**
     * The batch just taken is answered from the events alone: it lists nothing, so there is no list to confirm.
     * Events come from a stream subscribed before the first list, and a connection that breaks is listed again
     * whole; a follow-up list after every such batch was a full list (and its JSON) per start and per stop.
     */
    void noFollowUp() {
        followUp = NONE;
    }

    /** The reconcile of {@code nanos} wrote the file: it counts against the budget. */
    void wrote(long nanos) {
        paced = (paced == NONE ? nanos : Math.max(paced, nanos)) + interval;
    }
}
