package com.serialtrust.gs1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the compressed form of a GS1 Digital Link URI (GS1 Digital Link standard: compression): the
 * element strings written as bits in one base64url path segment, which a small QR code holds. Each
 * entry is an AI written as hex digits (or one hex code standing for a common sequence of AIs, such
 * as GTIN and serial) and its value: numeric parts as binary numbers, other parts in one of five
 * alphabets chosen per value; keys that are not AIs (such as {@code sig}) may be written too.
 * Values are read by the formats of {@link DataAttributes}, the key and its qualifiers by theirs;
 * anything else, a value that runs past the bits, or padding that is not zero, is not a compressed
 * link. What it reads is checked afterwards as an uncompressed link's values are.
 */
public final class CompressedLink {

    /** The AIs and values in the order they came, and the other keys with their values. */
    public record Decoded(Map<String, String> ais, Map<String, String> others) {

        public Decoded {
            ais = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ais));
            others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        /** These with a primary key the link wrote uncompressed before them ({@code /01/<gtin>/<compressed>}). */
        public Decoded withKey(final String ai, final String value) {
            final Map<String, String> all = new LinkedHashMap<>();
            all.put(ai, value);
            all.putAll(ais);
            return new Decoded(all, others);
        }

        /**
         * The uncompressed link's path and query, {@code /01/<gtin>[/22/..][/10/..][/21/..]?<ai>=..&<key>=..}
         * (data attributes in AI order, then the other keys), values percent-encoded; empty without a GTIN.
         */
        public Optional<String> gtinLink() {
            if (!ais.containsKey("01")) {
                return Optional.empty();
            }
            final StringBuilder path = new StringBuilder();
            for (String ai : DigitalLink.PATH_ORDER) {
                if (ais.containsKey(ai)) {
                    path.append('/').append(ai).append('/').append(DigitalLink.encode(ais.get(ai)));
                }
            }
            final List<String> query = new ArrayList<>();
            ais.keySet().stream().filter(ai -> !DigitalLink.PATH_ORDER.contains(ai)).sorted()
                    .forEach(ai -> query.add(ai + "=" + DigitalLink.encode(ais.get(ai))));
            others.forEach((key, value) -> query.add(key + "=" + DigitalLink.encode(value)));
            return Optional.of(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        }
    }

    /** Longest segment read: a Digital Link is at most 2,048 characters. */
    static final int MAX_LENGTH = DigitalLink.MAX_LENGTH;

    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static final String HEX = "0123456789abcdef";

    /** The key and its qualifiers, which are not data attributes; their formats from the General Specifications. */
    private static final Map<String, String> KEYS = Map.of("01", "N14", "22", "X..20", "10", "X..20", "21", "X..20");

    /** The standard's codes for common sequences of AIs (the hex pairs that are not two decimal digits). */
    static final Map<Integer, List<String>> SEQUENCES = new HashMap<>();

    /** How many digits the AIs that begin with two given digits have. */
    static final Map<String, Integer> AI_LENGTH = new HashMap<>();

    static {
        sequence(0x0A, "01", "22");
        sequence(0x0B, "01", "10");
        sequence(0x0C, "01", "21");
        sequence(0x0D, "01", "17");
        sequence(0x0E, "01", "7003");
        sequence(0x0F, "01", "30");
        sequence(0x1A, "01", "10", "21", "17");
        sequence(0x1B, "01", "15");
        sequence(0x1C, "01", "11");
        sequence(0x1D, "01", "16");
        sequence(0x1E, "01", "91");
        sequence(0x1F, "01", "10", "15");
        for (int n = 0; n <= 5; n++) {
            sequence(0x2A + n, "01", "310" + n);
            sequence(0x3A + n, "01", "320" + n);
        }
        sequence(0x9A, "8010", "8011");
        sequence(0x9B, "8017", "8019");
        sequence(0x9C, "8018", "8019");
        sequence(0x9D, "414", "254");
        for (int n = 0; n <= 9; n++) {
            sequence(0xA0 + n, "01", "392" + n);
            sequence(0xC0 + n, "255", "390" + n);
        }
        for (int n = 0; n <= 3; n++) {
            sequence(0xCA + n, "255", "394" + n);
        }
        for (int length = 2; length <= 4; length++) {
            for (int n = 0; n < Math.pow(10, length); n++) {
                final String ai = String.format("%0" + length + "d", n);
                if (components(ai).isPresent()) {
                    AI_LENGTH.putIfAbsent(ai.substring(0, 2), length);
                }
            }
        }
    }

    private CompressedLink() {}

    /** A sequence's values come in the lexical order of its AIs, as GS1's toolkit writes and reads them. */
    private static void sequence(final int code, final String... ais) {
        SEQUENCES.put(code, java.util.Arrays.stream(ais).sorted().toList());
    }

    /** One part of a value's format: numeric or not, and a fixed length or a maximum. */
    record Part(boolean numeric, int length, boolean fixed) {}

    /** The parts of an AI's value, if this resolver reads the AI. */
    static Optional<List<Part>> components(final String ai) {
        final Optional<String> format = Optional.ofNullable(KEYS.get(ai)).or(() -> DataAttributes.format(ai));
        return format.flatMap(text -> {
            final String plain = text.split(" ")[0];
            final List<Part> parts = new ArrayList<>();
            final String[] alternatives = plain.split("\\|");
            if (alternatives.length > 1) {
                // N6|N12, N8|...|N12: the shortest, then up to the rest of the longest (a date or a date range)
                final int shortest = Integer.parseInt(alternatives[0].substring(1));
                final int longest = Integer.parseInt(alternatives[alternatives.length - 1].substring(1));
                parts.add(new Part(true, shortest, true));
                parts.add(new Part(true, longest - shortest, false));
                return Optional.of(parts);
            }
            for (String part : plain.split("\\+")) {
                final boolean upTo = part.startsWith("..", 1);
                parts.add(new Part(part.charAt(0) == 'N', Integer.parseInt(part.substring(upTo ? 3 : 1)), !upTo));
            }
            return Optional.of(parts);
        });
    }

    /** The AIs and other keys of a compressed segment, or empty if it is not one this resolver reads. */
    public static Optional<Decoded> decode(final String segment) {
        if (segment.isEmpty() || segment.length() > MAX_LENGTH || !segment.chars().allMatch(c -> BASE64URL.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CompressedReader(segment).read());
        } catch (CompressedReader.NotCompressed e) {
            return Optional.empty();
        }
    }

    /** Bits for a length of at most {@code max}, as the standard counts them. */
    static int lengthBits(final int max) {
        return (int) Math.ceil(Math.log(max) / Math.log(2) + 0.01);
    }

    /** Bits for a number of {@code digits} decimal digits, as the standard counts them. */
    static int valueBits(final int digits) {
        return (int) Math.ceil(digits * Math.log(10) / Math.log(2) + 0.01);
    }
}
