package com.serialtrust.gs1;

/** The GS1 AI encodable character set 82, used by serials (AI 21) and lots (AI 10). */
public final class Cset82 {

    private static final String PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    private Cset82() {}

    /** Whether the text is 1 to {@code maxLength} characters, all from character set 82. */
    public static boolean isValid(final String text, final int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!contains(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(final char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || PUNCTUATION.indexOf(c) >= 0;
    }
}
