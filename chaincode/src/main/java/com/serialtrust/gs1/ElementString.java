package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.DATE_INVALID;
import static com.serialtrust.gs1.InvalidIdentifierException.Reason.DIGITAL_LINK_INVALID;
import static com.serialtrust.gs1.InvalidIdentifierException.Reason.LOT_INVALID;
import static com.serialtrust.gs1.InvalidIdentifierException.Reason.SERIAL_INVALID;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The GS1 data of one serialised item: GTIN (01), serial (21) and the optional consumer product
 * variant (22), lot (10), production date (11) and expiry date (17).
 *
 * <p>{@link #canonical()} is the bracketed element string that manufacturers sign: AIs in Digital
 * Link order (01, 22, 10, 21), then the remaining AIs in ascending order.
 */
public record ElementString(
        Gtin gtin,
        String serial,
        Optional<String> cpv,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate) {

    /** The longest element string we accept when parsing, far above any valid one. */
    public static final int MAX_LENGTH = 200;

    public ElementString {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(cpv, "cpv");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(productionDate, "productionDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
        if (!Cset82.isValid(serial, 20)) {
            throw new InvalidIdentifierException(SERIAL_INVALID, "a serial (21) is 1-20 characters of GS1 set 82: " + Text.quote(serial));
        }
        cpv.filter(v -> !Cset82.isValid(v, 20)).ifPresent(v -> {
            throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "a variant (22) is 1-20 characters of GS1 set 82: " + Text.quote(v));
        });
        lot.filter(v -> !Cset82.isValid(v, 20)).ifPresent(v -> {
            throw new InvalidIdentifierException(LOT_INVALID, "a lot (10) is 1-20 characters of GS1 set 82: " + Text.quote(v));
        });
        productionDate.filter(v -> !Gs1Date.isValid(v)).ifPresent(v -> {
            throw new InvalidIdentifierException(DATE_INVALID, "a production date (11) is YYMMDD: " + Text.quote(v));
        });
        expiryDate.filter(v -> !Gs1Date.isValid(v)).ifPresent(v -> {
            throw new InvalidIdentifierException(DATE_INVALID, "an expiry date (17) is YYMMDD: " + Text.quote(v));
        });
    }

    /** An item with only a GTIN and a serial. */
    public static ElementString of(final Gtin gtin, final String serial) {
        return new ElementString(gtin, serial, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The element string that is signed, for example {@code (01)09520123456788(10)ABC1(21)12345(17)180426}.
     * A {@code (} inside a value is written {@code \(}, as GS1's bracketed syntax does: otherwise the
     * serial {@code 1(11)250101} and the serial {@code 1} made on 250101 would sign the same text.
     */
    public String canonical() {
        final StringBuilder out = new StringBuilder(64).append("(01)").append(gtin.value());
        cpv.ifPresent(v -> out.append("(22)").append(escape(v)));
        lot.ifPresent(v -> out.append("(10)").append(escape(v)));
        out.append("(21)").append(escape(serial));
        productionDate.ifPresent(v -> out.append("(11)").append(v));
        expiryDate.ifPresent(v -> out.append("(17)").append(v));
        return out.toString();
    }

    /**
     * Parses a bracketed element string such as {@code (01)09520123456788(21)12345}. Each AI may
     * appear once; 01 and 21 are required; only the AIs this record holds are accepted.
     */
    public static ElementString parse(final String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "element string longer than " + MAX_LENGTH);
        }
        final Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            final int close = text.indexOf(')', i);
            if (text.charAt(i) != '(' || close < 0) {
                throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "expected (AI) at position " + i);
            }
            final String ai = text.substring(i + 1, close);
            int next = close + 1;
            while (next < text.length() && (text.charAt(next) != '(' || text.charAt(next - 1) == '\\')) {
                next++;
            }
            if (values.put(ai, text.substring(close + 1, next).replace("\\(", "(")) != null) {
                throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "AI (" + Text.quote(ai) + ") appears twice");
            }
            i = next;
        }
        return fromAis(values);
    }

    private static String escape(final String value) {
        return value.replace("(", "\\(");
    }

    /** Builds the record from AI values keyed by AI; unknown AIs are refused. */
    static ElementString fromAis(final Map<String, String> values) {
        for (String ai : values.keySet()) {
            if (!ai.equals("01") && !ai.equals("21") && !ai.equals("22") && !ai.equals("10") && !ai.equals("11") && !ai.equals("17")) {
                throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "unsupported AI " + Text.quote(ai));
            }
        }
        final String gtin = values.get("01");
        final String serial = values.get("21");
        if (gtin == null || serial == null) {
            throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "a GTIN (01) and a serial (21) are required");
        }
        return new ElementString(
                Gtin.parse(gtin),
                serial,
                Optional.ofNullable(values.get("22")),
                Optional.ofNullable(values.get("10")),
                Optional.ofNullable(values.get("11")),
                Optional.ofNullable(values.get("17")));
    }
}
