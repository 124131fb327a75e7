package com.serialtrust.chaincode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants read from JSON in the form {@link Instant#toString} writes them, the ledger's form, without
 * {@link java.time.format.DateTimeFormatter}: its parse was about a third of the time spent reading a
 * state object. Text in any other form, and anything that is not text, goes to Jackson's own reader,
 * so what is accepted, and every error, stays Jackson's.
 */
public final class InstantText {

    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {}

    /** A module that reads {@link Instant}s this way. */
    public static JacksonModule module() {
        return new SimpleModule("serialtrust-instant-text").addDeserializer(Instant.class, new Reader());
    }

    /**
     * The instant of {@code text} when it is {@code yyyy-MM-ddTHH:mm:ss} with 1 to 9 digits of a second's
     * fraction or none, then {@code Z}, for a year of 0000 to 9999 and a valid date and time; else null.
     */
    static Instant parse(final String text) {
        final int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        final int year = digits(text, 0, 4);
        final int month = digits(text, 5, 2);
        final int day = digits(text, 8, 2);
        final int hour = digits(text, 11, 2);
        final int minute = digits(text, 14, 2);
        final int second = digits(text, 17, 2);
        final int nanos = fraction(text, 19, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        final long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // a day the month does not have: Jackson's reader words the error
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by {@code count} ASCII digits from {@code start}; -1 if one is not a digit. */
    private static int digits(final String text, final int start, final int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            final int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Nanoseconds of "" or "." and 1 to 9 digits between {@code start} and {@code end}; -1 for anything else. */
    private static int fraction(final String text, final int start, final int end) {
        if (start == end) {
            return 0;
        }
        final int count = end - start - 1;
        if (text.charAt(start) != '.' || count < 1 || count > 9) {
            return -1;
        }
        final int value = digits(text, start + 1, count);
        if (value < 0) {
            return -1;
        }
        int nanos = value;
        for (int i = count; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    /**
     * Text in the ledger's form read here, everything else by Jackson's own reader of instants; a property
     * whose format is set (by annotation or configuration) is read by Jackson's alone.
     */
    private static final class Reader extends ValueDeserializer<Instant> {

        private static final InstantDeserializer<Instant> JACKSONS = InstantDeserializer.INSTANT;

        @Override
        public ValueDeserializer<?> createContextual(final DeserializationContext context, final BeanProperty property) {
            final ValueDeserializer<?> formatted = JACKSONS.createContextual(context, property);
            return formatted == JACKSONS ? this : formatted;
        }

        @Override
        public Instant deserialize(final JsonParser parser, final DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                final Instant read = parse(parser.getString());
                if (read != null) {
                    return read;
                }
            }
            return JACKSONS.deserialize(parser, context);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
