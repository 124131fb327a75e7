package com.serialtrust.gs1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GS1 Application Identifiers that a Digital Link may carry in its query as data attributes, with
 * the format the GS1 General Specifications give each value (N: digits, X: GS1 character set 82;
 * {@code ..n}: up to n; {@code +}: parts in a row). Dates are checked as dates, GTINs and GLNs by
 * their check digit. Primary keys and key qualifiers are not data attributes.
 */
public final class DataAttributes {

    private static final String X = "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]";
    /** AI (a regular expression over AIs, for the families such as 310n) to the format of its value. */
    private static final Map<Pattern, Format> TABLE = new LinkedHashMap<>();

    /** How a value is written, and what else it must satisfy. */
    private enum Check { NONE, DATE, CHECK_DIGIT_14, CHECK_DIGIT_13 }

    private record Format(String text, Pattern value, Check check) {}

    static {
        add("02", "N14", Check.CHECK_DIGIT_14);
        add("1[1-35-7]", "N6", Check.DATE);
        add("20", "N2");
        add("24[01]|25[01]", "X..30");
        add("242", "N..6");
        add("243", "X..20");
        add("30|37", "N..8");
        add("31[0-6][0-5]|32[0-9][0-5]|33[0-7][0-5]|34[0-9][0-5]|35[0-7][0-5]|36[0-9][0-5]", "N6");
        add("39[02][0-9]", "N..15");
        add("39[13][0-9]", "N3+N..15");
        add("394[0-3]", "N4");
        add("395[0-5]", "N6");
        add("40[03]", "X..30");
        add("41[0-3]|41[56]", "N13", Check.CHECK_DIGIT_13);
        add("420", "X..20");
        add("421", "N3+X..9");
        add("42[246]", "N3");
        add("42[35]", "N3+N..12");
        add("427", "X..3");
        // shipping and return details (GS1 General Specifications 22 on), as GS1's Barcode Syntax Dictionary
        // gives them; the values of 4300-4320 are percent-encoded text, read here for their length
        add("430[01]|431[01]|4320", "X..35");
        add("430[2-6]|431[2-6]", "X..70");
        addPattern("4307|4317", "X2 (ISO 3166 alpha-2)", "[A-Z]{2}");
        add("4308|4319", "X..30");
        add("4309", "N10+N10");
        add("4318", "X..20");
        addPattern("432[1-3]", "N1 (0 or 1)", "[01]");
        add("432[45]", "N10");
        add("4326", "N6", Check.DATE);
        addPattern("433[0-3]", "N6 [-]", "[0-9]{6}-?");
        add("7001", "N13");
        add("7002", "X..30");
        add("7003", "N10");
        add("7004", "N..4");
        add("7005", "X..12");
        add("7006", "N6", Check.DATE);
        add("7007", "N6|N12");
        add("7008", "X..3");
        add("7009", "X..10");
        add("7010", "X..2");
        add("7011", "N6|N10");
        add("702[0-2]", "X..20");
        add("7023", "X..30");
        add("703[0-9]", "N3+X..27");
        add("71[0-6]", "X..20");
        add("723[0-9]", "X2+X..28");
        add("7040", "N1+X1+X1+X1");
        add("7240", "X..20");
        add("7241", "N2");
        add("7242", "X..25");
        add("8001", "N14");
        add("8002|8012", "X..20");
        add("8005", "N6");
        add("8007", "X..34");
        add("8008", "N8|N9|N10|N11|N12");
        add("8009", "X..50");
        add("8020", "X..25");
        add("8026", "N14+N2+N2");
        // a digital signature: base64url (GS1's "Z" character set), padding allowed
        addPattern("8030", "Z..90", "(?=.{1,90}$)[A-Za-z0-9_-]+={0,2}");
        add("811[02]|8200", "X..70");
        add("8111", "N4");
        add("90", "X..30");
        add("9[1-9]", "X..90");
    }

    private DataAttributes() {}

    private static void add(final String ais, final String format) {
        add(ais, format, Check.NONE);
    }

    private static void add(final String ais, final String format, final Check check) {
        TABLE.put(Pattern.compile(ais), new Format(format, Pattern.compile(regex(format)), check));
    }

    /** An AI whose value a format of N and X parts cannot say: its own expression, and the format's text for messages. */
    private static void addPattern(final String ais, final String format, final String regex) {
        TABLE.put(Pattern.compile(ais), new Format(format, Pattern.compile(regex), Check.NONE));
    }

    /** A format such as {@code N3+X..27} or {@code N6|N12} as a regular expression over the value. */
    private static String regex(final String format) {
        final StringBuilder out = new StringBuilder();
        for (String alternative : format.split("\\|")) {
            out.append(out.length() == 0 ? "" : "|");
            for (String part : alternative.split("\\+")) {
                final String chars = part.charAt(0) == 'N' ? "[0-9]" : X;
                final String length = part.substring(1);
                out.append(chars).append(length.startsWith("..") ? "{1," + length.substring(2) + "}" : "{" + length + "}");
            }
        }
        return out.toString();
    }

    /** The GS1 format of data attribute {@code ai}'s value ({@code N6}, {@code N3+X..27}, {@code X2 (ISO 3166 alpha-2)}), if it is one. */
    public static Optional<String> format(final String ai) {
        return TABLE.entrySet().stream().filter(e -> e.getKey().matcher(ai).matches()).findFirst().map(e -> e.getValue().text());
    }

    /**
     * Why {@code value} is not a valid value of data attribute {@code ai}, or empty when it is one.
     * An AI that is not a data attribute (unknown, a primary key, a key qualifier) is refused too.
     */
    public static Optional<String> fault(final String ai, final String value) {
        for (Map.Entry<Pattern, Format> entry : TABLE.entrySet()) {
            if (entry.getKey().matcher(ai).matches()) {
                final Format format = entry.getValue();
                if (!format.value().matcher(value).matches()) {
                    return Optional.of("AI " + ai + " does not take the value " + Text.quote(value) + " (GS1 format "
                            + format.text() + ")");
                }
                return switch (format.check()) {
                    case DATE -> Gs1Date.isValid(value) ? Optional.empty() : Optional.of("AI " + ai + " is a date YYMMDD, not " + Text.quote(value));
                    case CHECK_DIGIT_14, CHECK_DIGIT_13 -> Gtin.checkDigit(value) == value.charAt(value.length() - 1) - '0'
                            ? Optional.empty() : Optional.of("wrong check digit in AI " + ai + ": " + Text.quote(value));
                    case NONE -> Optional.empty();
                };
            }
        }
        return Optional.of("AI " + Text.quote(ai) + " is not a data attribute a Digital Link may carry in its query");
    }
}
