package com.orodc.workflow.hostsync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostsSyncScheduleTest {
    private static final long MS = 1_000_000L;
    private static final HostsSyncRequest.Timing TIMING = HostsSyncRequest.Timing.DEFAULT;

    @Test
    void aSingleEventIsDueAfterTheShortQuietWindow() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        assertThat(schedule.dueAt()).isEqualTo(HostsSyncSchedule.NONE);
        schedule.event(1000 * MS);
        assertThat(schedule.dueAt()).isEqualTo(1000 * MS + TIMING.quiet().toNanos());
    }

    @Test
    void eachReconcileIsFollowedByOneConfirmingReconcile() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        schedule.event(0);
        schedule.take(25 * MS);
        assertThat(schedule.dueAt()).isEqualTo(25 * MS + TIMING.followUp().toNanos());
        schedule.take(325 * MS);
        assertThat(schedule.dueAt()).isEqualTo(HostsSyncSchedule.NONE);
    }

    @Test
    void aBurstWaitsForALongerPauseButNeverLongerThanTheMaximumDelay() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        long t = 0;
        for (int i = 0; i < 6; i++) {
            schedule.event("c" + i, "die", t);
            t += 50 * MS;
        }
        long last = t - 50 * MS;
        assertThat(schedule.dueAt()).isEqualTo(last + TIMING.burstQuiet().toNanos());
        for (; t < 5000 * MS; t += 50 * MS) {
            schedule.event("c" + t, "destroy", t);
        }
        assertThat(schedule.dueAt()).isEqualTo(TIMING.maxDelay().toNanos());
    }

    @Test
    void aBurstOfStartsIsWrittenAtTheBurstPauseAfterTheLast() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        for (int i = 0; i < 10; i++) {
            schedule.created("c" + i, i * 10 * MS);
            schedule.event("c" + i, "start", i * 10 * MS + 5 * MS);
        }
        assertThat(schedule.dueAt()).isEqualTo(95 * MS + TIMING.burstQuiet().toNanos());
    }

    @Test
    void theEventsOfOneStoppingContainerWaitOnlyTheQuietWindow() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        schedule.event("one", "kill", 0);
        schedule.event("one", "die", 2 * MS);
        schedule.event("one", "stop", 4 * MS);
        assertThat(schedule.dueAt()).isEqualTo(4 * MS + TIMING.quiet().toNanos());
    }

    @Test
    void eventsFarApartAreNotABurst() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        long gap = TIMING.burstWindow().toNanos();
        for (int i = 0; i < 10; i++) {
            schedule.event(i * gap);
            assertThat(schedule.dueAt()).isEqualTo(i * gap + TIMING.quiet().toNanos());
            schedule.take(i * gap + TIMING.quiet().toNanos());
        }
        assertThat(Duration.ofNanos(gap)).isPositive();
    }

    @Test
    void startsOfContainersStillBeingCreatedAreWaitedFor() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        schedule.created("a", 0);
        schedule.created("b", 10 * MS);
        schedule.event("a", "start", 100 * MS);
        // b is still to start: not due at the quiet window
        assertThat(schedule.dueAt()).isEqualTo(10 * MS + TIMING.burstWindow().toNanos());
        schedule.event("b", "start", 400 * MS);
        // two containers in one batch: more may follow, wait for a pause
        assertThat(schedule.dueAt()).isEqualTo(400 * MS + TIMING.burstQuiet().toNanos());
    }

    @Test
    void aCreatedContainerThatNeverStartsStopsBeingWaitedForAndTheMaximumDelayHolds() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        schedule.created("never", 0);
        schedule.event("other", "start", 10 * MS);
        assertThat(schedule.dueAt()).isEqualTo(TIMING.burstWindow().toNanos());
        for (long t = 10 * MS; t < 10_000 * MS; t += 500 * MS) {
            schedule.created("c" + t, t);
            schedule.event("x" + t, "die", t + MS);
        }
        assertThat(schedule.dueAt()).isEqualTo(10 * MS + TIMING.maxDelay().toNanos());
    }

    @Test
    void aLongBurstWaitsLongerEachTimeUpToTheLongestDelayAndShortAgainAfterwards() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        long t = 0;
        long expected = TIMING.maxDelay().toNanos();
        for (int batch = 0; batch < 6; batch++) {
            long first = t;
            long due;
            do {
                schedule.created("c" + t, t);
                schedule.event("s" + t, "start", t);
                t += 100 * MS;
                due = schedule.dueAt();
            } while (due > t);
            assertThat(due - first).isEqualTo(expected);
            schedule.take(due);
            expected = Math.min(2 * expected, TIMING.longestDelay().toNanos());
        }
        assertThat(expected).isEqualTo(TIMING.longestDelay().toNanos());
        // the burst is over: one lone start is written at the quiet window again
        t += 60_000 * MS;
        schedule.take(t);
        schedule.event("lone", "start", t);
        assertThat(schedule.dueAt()).isEqualTo(t + TIMING.quiet().toNanos());
    }

    @Test
    void reconnectsAtLeastEveryTwoSecondsDuringTheFirstMinuteOfAnOutageThenBacksOffFurther() {
        HostsSyncRequest.Timing timing = HostsSyncRequest.Timing.DEFAULT;
        Duration delay = null;
        Duration down = Duration.ZERO;
        List<Long> waits = new ArrayList<>();
        while (down.compareTo(Duration.ofMinutes(3)) < 0) {
            delay = HostsSyncSchedule.reconnectDelay(delay, down, timing);
            waits.add(delay.toMillis());
            assertThat(delay).as("wait %d ms into the outage", down.toMillis())
                    .isLessThanOrEqualTo(down.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(2) : timing.maxBackoff());
            down = down.plus(delay);
        }
        assertThat(waits).startsWith(250L, 500L, 1000L, 2000L, 2000L);
        assertThat(waits.get(waits.size() - 1)).as("after the first minute").isEqualTo(timing.maxBackoff().toMillis());
    }
}
