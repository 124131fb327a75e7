package com.serialtrust.gs1;

/** Helpers for quoting untrusted text in error messages without echoing unbounded input. */
public final class Text {

    private static final int MAX_QUOTED = 40;

    private Text() {}

    /** The text in quotes, cut to a short prefix and with control characters escaped. */
    public static String quote(final String text) {
        final StringBuilder out = new StringBuilder("\"");
        final int end = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < end; i++) {
            final char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (text.length() > MAX_QUOTED) {
            out.append("…");
        }
        return out.append('"').toString();
    }
}
