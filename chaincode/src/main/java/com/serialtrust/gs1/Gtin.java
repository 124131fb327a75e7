package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.GTIN_INVALID;

import java.util.Objects;

/** A Global Trade Item Number, always held in its 14-digit form (AI 01). */
public record Gtin(String value) {

    public Gtin {
        Objects.requireNonNull(value, "value");
        if (value.length() != 14 || !isDigits(value) || checkDigit(value) != value.charAt(13) - '0') {
            throw new InvalidIdentifierException(GTIN_INVALID, "not a valid GTIN-14: " + Text.quote(value));
        }
    }

    /**
     * Parses a GTIN-8, -12, -13 or -14 and pads it to 14 digits.
     *
     * @throws InvalidIdentifierException if the length, the characters or the check digit are wrong
     */
    public static Gtin parse(final String text) {
        Objects.requireNonNull(text, "text");
        final int length = text.length();
        if (length != 8 && length != 12 && length != 13 && length != 14 || !isDigits(text)) {
            throw new InvalidIdentifierException(
                    GTIN_INVALID, "a GTIN has 8, 12, 13 or 14 digits: " + Text.quote(text));
        }
        final String padded = "0".repeat(14 - length) + text;
        if (checkDigit(padded) != padded.charAt(13) - '0') {
            throw new InvalidIdentifierException(GTIN_INVALID, "wrong GTIN check digit: " + Text.quote(text));
        }
        return new Gtin(padded);
    }

    /** The GS1 mod-10 check digit of the digits before the last one. */
    static int checkDigit(final String digits) {
        int sum = 0;
        final int last = digits.length() - 1;
        for (int i = last - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Whether this GTIN lies under a GS1 company prefix. The first digit of a GTIN-14 is the
     * packaging indicator, so the prefix is matched from the second digit.
     */
    public boolean isUnderPrefix(final String companyPrefix) {
        return value.startsWith(companyPrefix, 1);
    }

    static boolean isDigits(final String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
