package com.serialtrust.gs1;

import java.util.ArrayList;
import java.util.List;

/**
 * Close-serial matching for police searches of mistyped or worn serials: look-alike characters
 * are folded, separators and leading zeros dropped, and matches allowed within edit distance 2.
 */
public final class CloseSerials {

    /** The largest edit distance that still counts as a close serial. */
    public static final int MAX_DISTANCE = 2;

    /** Each normalised serial is indexed in this many segments; one survives any two edits. */
    public static final int SEGMENTS = MAX_DISTANCE + 1;

    private CloseSerials() {}

    /**
     * The normal form: upper case; O→0, I/L/|→1, S→5, Z→2, B→8; everything but letters and digits
     * dropped; leading zeros dropped.
     */
    public static String normalise(final String serial) {
        final StringBuilder out = new StringBuilder(serial.length());
        for (int i = 0; i < serial.length(); i++) {
            final char c = fold(Character.toUpperCase(serial.charAt(i)));
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                if (c == '0' && out.length() == 0) {
                    continue;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char fold(final char c) {
        return switch (c) {
            case 'O' -> '0';
            case 'I', 'L', '|' -> '1';
            case 'S' -> '5';
            case 'Z' -> '2';
            case 'B' -> '8';
            default -> c;
        };
    }

    /** A normalised serial's segments for the index: {@link #SEGMENTS} near-equal parts. */
    public static List<String> segments(final String normalised) {
        final List<String> parts = new ArrayList<>(SEGMENTS);
        final int length = normalised.length();
        if (length < SEGMENTS) {
            return parts;
        }
        for (int i = 0; i < SEGMENTS; i++) {
            parts.add(normalised.substring(segmentStart(length, i), segmentStart(length, i + 1)));
        }
        return parts;
    }

    /** Where segment {@code index} starts in a normalised serial of the given length. */
    public static int segmentStart(final int length, final int index) {
        return length * index / SEGMENTS;
    }

    /** The Levenshtein distance, or {@code limit + 1} as soon as it is known to exceed the limit. */
    public static int distance(final String a, final String b, final int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit + 1);
    }

}
