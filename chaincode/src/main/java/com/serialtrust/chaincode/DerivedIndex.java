package com.serialtrust.chaincode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The search index as a pure function of public state: the keys a world state that keeps the index
 * (an api's read model, the embedded ledger) adds beside each item it commits. Transactions do not
 * write them, so a peer keeps none; a query that needs them runs only where they are kept, as
 * {@link com.serialtrust.contract.ChaincodeSettings#searchIndex()} says.
 */
public final class DerivedIndex {

    private static final String ITEM_PREFIX = Tx.compositeKey(StateKeys.ITEM).orElseThrow();
    /** Each index type's key prefix, made once: every range read of a SQLite state asks {@link #covers}. */
    private static final List<String> TYPE_PREFIXES = SearchIndex.TYPES.stream()
            .map(type -> Tx.compositeKey(type).orElseThrow()).toList();

    /** The fields of an item's JSON that its index keys come from, read without the rest ({@link Item}'s names). */
    private static final String GTIN = "gtin";
    private static final String SERIAL = "serial";
    private static final String LOT = "lot";
    private static final Set<String> ITEM_FIELDS = Set.of(GTIN, SERIAL, LOT);

    private DerivedIndex() {}

    /** The index keys that a committed write of {@code value} to {@code key} brings; none for a delete or another type. */
    public static List<String> keysOf(final String key, final byte[] value) {
        if (value == null || value.length == 0 || !key.startsWith(ITEM_PREFIX)) {
            return List.of();
        }
        final Map<String, String> item = Json.strings(value, ITEM_FIELDS);
        final String gtin = item.get(GTIN);
        final String serial = item.get(SERIAL);
        if (gtin == null || serial == null) {
            throw new IllegalStateException("an item in state without its GTIN or serial: " + key);
        }
        return SearchIndex.keys(gtin, serial, Optional.ofNullable(item.get(LOT)));
    }

    /** Whether {@code key} (or a range starting at it) is of an index type: one no transaction writes. */
    public static boolean covers(final String key) {
        for (String prefix : TYPE_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
