package com.serialtrust.gs1;

/** Helpers for quoting untrusted text in error messages without echoing unbounded input. */
public final class Text {

    private static final int MAX_QUOTED = 40;

    private Text() {}

    /**
     * The text in quotes, cut to a short prefix, with control and format characters escaped: a
     * right-to-left override (U+202E) or a line separator would otherwise change how a reader sees
     * the rest of the message.
     */
    public static String quote(final String text) {
        final StringBuilder out = new StringBuilder("\"");
        final int end = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < end; i++) {
            final char c = text.charAt(i);
            final boolean unseen = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            out.append(unseen ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (text.length() > MAX_QUOTED) {
            out.append("…");
        }
        return out.append('"').toString();
    }
}
