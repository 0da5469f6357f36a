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
    void aBatchAnsweredFromTheEventsAloneHasNoFollowUp() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        schedule.event(0);
        schedule.take(25 * MS);
        schedule.noFollowUp();
        assertThat(schedule.dueAt()).isEqualTo(HostsSyncSchedule.NONE);
        schedule.event(40 * MS);
        assertThat(schedule.dueAt()).as("the next event is answered as ever").isEqualTo(40 * MS);
    }

    /** The cause of the old multi-second outliers: other projects' events made every name wait for a pause. */
    @Test
    void steadyChurnOfOtherContainersDoesNotDelayAName() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        long t = 0;
        for (int second = 0; second < 30; second++) {
            // another labelled container starts and stops every second: two writes a second
            for (long at : new long[] {t, t + 500 * MS}) {
                schedule.event(at);
                long due = schedule.dueAt();
                assertThat(due - at).as("wait at %d ms", at / MS).isEqualTo(TIMING.quiet().toNanos());
                schedule.take(due);
                schedule.wrote(due + 10 * MS);
            }
            t += 1000 * MS;
        }
    }

    @Test
    void aBurstIsWrittenAtMostTheBudgetOfTimesASecond() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        List<Long> writes = new ArrayList<>();
        long now = 0;
        // 200 starts, one every 3 ms; each reconcile writes
        int next = 0;
        long oldestUnwritten = HostsSyncSchedule.NONE;
        long longestWait = 0;
        while (next < 200 || schedule.dueAt() != HostsSyncSchedule.NONE) {
            long due = schedule.dueAt();
            long nextEvent = next < 200 ? next * 3 * MS : HostsSyncSchedule.NONE;
            if (nextEvent <= due) {
                now = nextEvent;
                schedule.event(now);
                oldestUnwritten = Math.min(oldestUnwritten, now);
                next++;
            } else {
                now = due;
                boolean hadEvents = schedule.take(now);
                if (hadEvents) {
                    schedule.wrote(now);
                    writes.add(now);
                    longestWait = Math.max(longestWait, now - oldestUnwritten);
                    oldestUnwritten = HostsSyncSchedule.NONE;
                }
            }
        }
        for (int i = TIMING.writesPerSecond(); i < writes.size(); i++) {
            assertThat(writes.get(i) - writes.get(i - TIMING.writesPerSecond())).as("write %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        assertThat(writes).as("the burst is paced, not written once per start").hasSizeLessThan(20);
        assertThat(longestWait).as("the longest any start waited for its write").isBetween(100 * MS, 125 * MS);
        assertThat(writes.get(writes.size() - 1)).as("the last start is written within an interval of it")
                .isLessThanOrEqualTo(597 * MS + 125 * MS);
    }

    @Test
    void aThirdOfTheBudgetIsWrittenAtOnceThenEachWriteWaitsOneInterval() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        for (int i = 0; i < 3; i++) {
            schedule.event(i * MS);
            assertThat(schedule.dueAt()).as("write %d", i).isEqualTo(i * MS);
            schedule.take(i * MS);
            schedule.wrote(i * MS);
        }
        schedule.event(3 * MS);
        assertThat(schedule.dueAt()).as("the fourth, one interval after the first").isEqualTo(125 * MS);
        schedule.take(125 * MS);
        schedule.wrote(125 * MS);
        schedule.event(130 * MS);
        assertThat(schedule.dueAt()).isEqualTo(250 * MS);
    }

    @Test
    void afterAQuietSecondTheWritesAllowedAtOnceAreBack() {
        HostsSyncSchedule schedule = new HostsSyncSchedule(TIMING);
        for (int i = 0; i < 10; i++) {
            schedule.wrote(i * MS);
        }
        for (int i = 0; i < 3; i++) {
            long at = 2000 * MS + i * MS;
            schedule.event(at);
            assertThat(schedule.dueAt()).as("write %d after the pause", i).isEqualTo(at);
            schedule.take(at);
            schedule.wrote(at);
        }
        schedule.event(2003 * MS);
        assertThat(schedule.dueAt()).isEqualTo(2125 * MS);
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
