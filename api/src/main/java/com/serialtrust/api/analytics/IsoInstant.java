package com.serialtrust.api.analytics;

import java.time.Instant;

/**
 * An instant written as {@link Instant#toString()} writes it, its date and time formatted once per
 * second: every check of an item writes the time of its scan, and the JDK's formatter took about 1 %
 * of the api's CPU in cached verifications ({@code bench/profile.sh verify}).
 */
final class IsoInstant {

    /** A second and its date and time, {@code 2026-12-02T05:15:21}, without fraction or zone. */
    private record Second(long epochSecond, String dateTime) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private IsoInstant() {
    }

    static String of(final Instant at) {
        Second second = last;
        if (second.epochSecond() != at.getEpochSecond()) {
            final String whole = Instant.ofEpochSecond(at.getEpochSecond()).toString();
            second = new Second(at.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = second;
        }
        final int nanos = at.getNano();
        if (nanos == 0) {
            return second.dateTime() + 'Z';
        }
        // as the JDK writes a fraction: three, six or nine digits, as many as it needs
        final String fraction = nanos % 1_000_000 == 0 ? Integer.toString(nanos / 1_000_000 + 1_000).substring(1)
                : nanos % 1_000 == 0 ? Integer.toString(nanos / 1_000 + 1_000_000).substring(1)
                : Integer.toString(nanos + 1_000_000_000).substring(1);
        return second.dateTime() + '.' + fraction + 'Z';
    }
}
