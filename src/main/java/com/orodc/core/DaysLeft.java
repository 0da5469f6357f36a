package com.orodc.core;

import java.time.Duration;
import java.time.Instant;

/** How long a certificate has left, in the words a user reads: never a negative number of days. */
public final class DaysLeft {
    private DaysLeft() {
    }

    public static boolean expired(Instant now, Instant notAfter) {
        return notAfter.isBefore(now);
    }

    /** {@code 12 days left}, {@code expired today}, {@code expired 700 days ago}. */
    public static String of(Instant now, Instant notAfter) {
        if (!expired(now, notAfter)) {
            return Duration.between(now, notAfter).toDays() + " days left";
        }
        return "expired " + ago(now, notAfter);
    }

    /** For a certificate that has expired: {@code today} or {@code 700 days ago}. */
    public static String ago(Instant now, Instant notAfter) {
        long days = Duration.between(notAfter, now).toDays();
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }
}
