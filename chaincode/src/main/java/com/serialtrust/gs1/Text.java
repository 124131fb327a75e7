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
            out.append(unseen(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (text.length() > MAX_QUOTED) {
            out.append("…");
        }
        return out.append('"').toString();
    }

    /**
     * Whether a character is one a reader cannot see as itself: a control character, a format
     * character (U+202E, U+200B...) or a line or paragraph separator. Shown escaped wherever input is echoed.
     */
    public static boolean unseen(final int codePoint) {
        final int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
