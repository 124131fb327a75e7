package com.serialtrust.gs1;

import static com.serialtrust.gs1.CompressedLink.AI_LENGTH;
import static com.serialtrust.gs1.CompressedLink.BASE64URL;
import static com.serialtrust.gs1.CompressedLink.HEX;
import static com.serialtrust.gs1.CompressedLink.SEQUENCES;
import static com.serialtrust.gs1.CompressedLink.lengthBits;
import static com.serialtrust.gs1.CompressedLink.valueBits;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** A compressed segment's bits, read from the left into AIs and other keys ({@link CompressedLink}). */
final class CompressedReader {

    /** Not a compressed link (bits run out, an AI this resolver does not read, padding that is not zero). */
    static final class NotCompressed extends RuntimeException {
        NotCompressed() {
            super(null, null, false, false);
        }
    }

    private final String segment;
    private final int bits;
    private int cursor;
    private final Map<String, String> ais = new LinkedHashMap<>();
    private final Map<String, String> others = new LinkedHashMap<>();

    CompressedReader(final String segment) {
        this.segment = segment;
        this.bits = segment.length() * 6;
    }

    CompressedLink.Decoded read() {
        while (bits - cursor > 8) {
            final int first = take(4);
            final int second = take(4);
            if (first <= 9 && second <= 9) {
                final String start = "" + first + second;
                final Integer length = AI_LENGTH.get(start);
                if (length == null) {
                    throw new NotCompressed();
                }
                final StringBuilder ai = new StringBuilder(start);
                for (int i = 2; i < length; i++) {
                    ai.append(digit(take(4)));
                }
                value(ai.toString());
            } else if (SEQUENCES.containsKey(first << 4 | second)) {
                SEQUENCES.get(first << 4 | second).forEach(this::value);
            } else if (first == 0xF) {
                other(second << 3 | take(3));
            } else {
                throw new NotCompressed();
            }
        }
        while (cursor < bits) {
            if (take(1) != 0) {
                throw new NotCompressed();
            }
        }
        if (ais.isEmpty()) {
            throw new NotCompressed();
        }
        return new CompressedLink.Decoded(ais, others);
    }

    private static char digit(final int nibble) {
        if (nibble > 9) {
            throw new NotCompressed();
        }
        return (char) ('0' + nibble);
    }

    private void value(final String ai) {
        final StringBuilder value = new StringBuilder();
        for (CompressedLink.Part part : CompressedLink.components(ai).orElseThrow(NotCompressed::new)) {
            if (part.numeric()) {
                final int digits = part.fixed() ? part.length() : upTo(part.length());
                value.append(number(digits));
            } else {
                final int encoding = take(3);
                value.append(characters(encoding, part.fixed() ? part.length() : upTo(part.length())));
            }
        }
        if (ais.putIfAbsent(ai, value.toString()) != null) {
            throw new NotCompressed();
        }
    }

    /** A key that is not an AI, in base64url characters, and its value. */
    private void other(final int keyLength) {
        final StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyLength; i++) {
            key.append(BASE64URL.charAt(take(6)));
        }
        final int encoding = take(3);
        final String value = characters(encoding, take(7));
        if (key.isEmpty() || others.putIfAbsent(key.toString(), value) != null) {
            throw new NotCompressed();
        }
    }

    /** A length written in as many bits as the largest one needs. */
    private int upTo(final int max) {
        final int length = take(lengthBits(max));
        if (length > max) {
            throw new NotCompressed();
        }
        return length;
    }

    private String characters(final int encoding, final int count) {
        final StringBuilder out = new StringBuilder(count);
        switch (encoding) {
            case 0 -> out.append(number(count));
            case 1, 2 -> {
                for (int i = 0; i < count; i++) {
                    final char c = HEX.charAt(take(4));
                    out.append(encoding == 1 ? c : Character.toUpperCase(c));
                }
            }
            case 3 -> {
                for (int i = 0; i < count; i++) {
                    out.append(BASE64URL.charAt(take(6)));
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    out.append((char) take(7));
                }
            }
            default -> throw new NotCompressed();
        }
        return out.toString();
    }

    /** {@code digits} decimal digits written as one binary number: leading zeros come back from the count. */
    private String number(final int digits) {
        final int width = valueBits(digits);
        if (bits - cursor < width) {
            throw new NotCompressed();
        }
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < width; i++) {
            n = n.shiftLeft(1).or(BigInteger.valueOf(take(1)));
        }
        final String text = n.toString();
        if (text.length() > digits && !(digits == 0 && n.signum() == 0)) {
            throw new NotCompressed();
        }
        return digits == 0 ? "" : "0".repeat(digits - text.length()) + text;
    }

    private int take(final int count) {
        if (bits - cursor < count) {
            throw new NotCompressed();
        }
        int out = 0;
        for (int i = 0; i < count; i++, cursor++) {
            final int sextet = BASE64URL.indexOf(segment.charAt(cursor / 6));
            out = out << 1 | (sextet >> (5 - cursor % 6) & 1);
        }
        return out;
    }
}
