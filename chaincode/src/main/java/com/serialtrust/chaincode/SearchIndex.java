package com.serialtrust.chaincode;

import com.serialtrust.gs1.CloseSerials;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serial indexes for police searches: by exact serial across GTINs, by normalised serial, and by
 * the normalised serial's segments, so that a serial within edit distance 2 is found by a handful
 * of key-range lookups instead of a scan of the ledger; and items by lot. No rule of the contract reads
 * them, so no transaction writes them: a world state that keeps them derives them from each item it
 * commits ({@link DerivedIndex}), and a peer, which keeps none, refuses the queries that need them.
 */
final class SearchIndex {

    /** The most candidate keys one close-serial search reads. */
    static final int MAX_CANDIDATES = 5000;

    /** The most matches one search returns. */
    static final int MAX_MATCHES = 50;

    private SearchIndex() {}

    /** The object types of the index: keys no transaction writes, which a read model derives from items. */
    static final java.util.Set<String> TYPES = java.util.Set.of(StateKeys.LOT, StateKeys.SERIAL, StateKeys.NORMALISED,
            StateKeys.SEGMENT);

    /** The index keys of an item: by lot, by exact serial, by normalised serial, and by its segments. */
    static List<String> keys(final String gtin, final String serial, final Optional<String> lot) {
        final List<String> keys = new ArrayList<>(3 + CloseSerials.SEGMENTS);
        lot.ifPresent(l -> keys.add(key(StateKeys.LOT, gtin, l, serial)));
        keys.add(key(StateKeys.SERIAL, serial, gtin));
        final String normalised = CloseSerials.normalise(serial);
        if (normalised.isEmpty()) {
            return keys;
        }
        keys.add(key(StateKeys.NORMALISED, normalised, gtin, serial));
        final List<String> segments = CloseSerials.segments(normalised);
        for (int i = 0; i < segments.size(); i++) {
            keys.add(key(StateKeys.SEGMENT, length(normalised.length()), Integer.toString(i), segments.get(i), gtin, serial));
        }
        return keys;
    }

    /** An item's identifiers are GS1 set 82, which holds no character a composite key refuses. */
    private static String key(final String type, final String... attributes) {
        return Tx.compositeKey(type, attributes).orElseThrow(() -> new IllegalStateException("not a key segment: " + type));
    }

    /** Items whose serial is exactly this one, under any GTIN, or under the given one. */
    static List<ItemRef> exact(final Tx tx, final String serial, final Optional<String> gtin) {
        final List<ItemRef> refs = new ArrayList<>();
        if (gtin.isPresent()) {
            final ItemRef ref = new ItemRef(gtin.get(), serial);
            if (tx.exists(StateKeys.item(tx, ref))) {
                refs.add(ref);
            }
            return refs;
        }
        for (String key : tx.keysUnder(StateKeys.SERIAL, MAX_MATCHES, serial)) {
            refs.add(new ItemRef(tx.attributes(key).get(1), serial));
        }
        return refs;
    }

    /** The most suggestions for a typed serial. */
    static final int MAX_SUGGESTIONS = 3;

    /**
     * Registered serials of the typed serial's GTIN that normalise to the same text (look-alikes folded,
     * separators and leading zeros dropped), the typed serial itself excepted, at most {@link #MAX_SUGGESTIONS}.
     */
    static List<String> sameWhenFolded(final Tx tx, final ItemRef typed) {
        final String normalised = CloseSerials.normalise(typed.serial());
        if (normalised.isEmpty()) {
            return List.of();
        }
        final List<String> out = new ArrayList<>(MAX_SUGGESTIONS);
        for (String key : tx.keysUnder(StateKeys.NORMALISED, MAX_SUGGESTIONS + 1, normalised, typed.gtin())) {
            final String serial = tx.attributes(key).get(2);
            if (!serial.equals(typed.serial()) && out.size() < MAX_SUGGESTIONS) {
                out.add(serial);
            }
        }
        return List.copyOf(out);
    }

    /** A close match: the item and the edit distance between the normalised serials. */
    record CloseMatch(ItemRef item, int distance) {}

    /** Items whose normalised serial is within edit distance 2 of the given serial's, nearest first. */
    static CloseResult close(final Tx tx, final String serial) {
        final String query = CloseSerials.normalise(serial);
        final Set<ItemRef> candidates = new LinkedHashSet<>();
        boolean truncated = false;
        if (!query.isEmpty()) {
            for (String key : tx.keysUnder(StateKeys.NORMALISED, MAX_CANDIDATES, query)) {
                final List<String> attrs = tx.attributes(key);
                candidates.add(new ItemRef(attrs.get(1), attrs.get(2)));
            }
        }
        final int max = CloseSerials.MAX_DISTANCE;
        for (int length = Math.max(CloseSerials.SEGMENTS, query.length() - max); length <= query.length() + max; length++) {
            for (int segment = 0; segment < CloseSerials.SEGMENTS && !truncated; segment++) {
                final int start = CloseSerials.segmentStart(length, segment);
                final int size = CloseSerials.segmentStart(length, segment + 1) - start;
                for (int shift = -max; shift <= max && !truncated; shift++) {
                    final int from = start + shift;
                    if (from < 0 || from + size > query.length()) {
                        continue;
                    }
                    final int room = MAX_CANDIDATES - candidates.size();
                    final List<String> keys = tx.keysUnder(StateKeys.SEGMENT, room + 1, length(length),
                            Integer.toString(segment), query.substring(from, from + size));
                    for (String key : keys) {
                        if (candidates.size() == MAX_CANDIDATES) {
                            truncated = true;
                            break;
                        }
                        final List<String> attrs = tx.attributes(key);
                        candidates.add(new ItemRef(attrs.get(3), attrs.get(4)));
                    }
                }
            }
        }
        final List<CloseMatch> matches = new ArrayList<>();
        for (ItemRef candidate : candidates) {
            final int distance = CloseSerials.distance(query, CloseSerials.normalise(candidate.serial()), max);
            if (distance <= max) {
                matches.add(new CloseMatch(candidate, distance));
            }
        }
        matches.sort(Comparator.comparingInt(CloseMatch::distance)
                .thenComparing(m -> m.item().gtin()).thenComparing(m -> m.item().serial()));
        return new CloseResult(query, matches.subList(0, Math.min(MAX_MATCHES, matches.size())),
                truncated || matches.size() > MAX_MATCHES);
    }

    record CloseResult(String normalised, List<CloseMatch> matches, boolean truncated) {}

    /** Lengths are zero-padded so that their keys sort in numeric order. */
    private static String length(final int length) {
        // three digits, as String.format("%03d") would write them, without its cost per item
        return length >= 100 ? Integer.toString(length) : length >= 10 ? "0" + length : "00" + length;
    }
}
