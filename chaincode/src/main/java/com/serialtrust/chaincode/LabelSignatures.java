package com.serialtrust.chaincode;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.ItemLabel;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.P256;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a label's signature lives. It is the brand's secret until printed, so no other member may
 * read it, not even from its own peer's files: it reaches the contract as transient data (which no
 * block keeps), it is kept in the brand's implicit private collection (which only the brand's peers
 * store), and public state holds only its digest, which recognises a presented label and cannot print
 * one.
 */
final class LabelSignatures {

    /** The transient field of RegisterItems: a JSON array of signatures, one per item, in batch order. */
    static final String TRANSIENT_FIELD = ItemInput.SIGNATURES_FIELD;

    /** The most labels one query returns. */
    static final int MAX_LABELS = 1000;

    private LabelSignatures() {}

    /** Fabric's implicit collection of an organisation: only its own peers store what is written there. */
    static String collection(final String mspId) {
        return "_implicit_org_" + mspId;
    }

    /** The digest public state keeps: SHA-256 of the low-S form, so that a signature and its twin share it. */
    static String digest(final byte[] signature) {
        return Base64Url.encode(P256.sha256(P256.lowS(signature)));
    }

    /** Whether a presented signature is the registered one, in either of its twin forms (r, s) and (r, n-s). */
    static boolean matches(final byte[] presented, final Item item) {
        return MessageDigest.isEqual(digest(presented).getBytes(UTF_8), item.signatureDigest().getBytes(UTF_8));
    }

    /**
     * The signatures of a batch from the transient field: exactly one per item. A signature in the
     * argument itself is refused, since every block keeps the arguments.
     */
    static List<String> fromTransient(final Tx tx, final int count) {
        final byte[] raw = tx.transientValue(TRANSIENT_FIELD).orElseThrow(() -> ErrorCode.INVALID_ARGUMENT.failure(
                "the signatures travel in the transient field '" + TRANSIENT_FIELD + "': a JSON array, one per item"));
        final String[] signatures = Json.readArgument(TRANSIENT_FIELD, new String(raw, UTF_8), String[].class);
        if (signatures.length != count) {
            throw ErrorCode.INVALID_ARGUMENT.failure("the transient field '" + TRANSIENT_FIELD + "' holds "
                    + signatures.length + " signatures for " + count + " items");
        }
        return List.of(signatures);
    }

    /**
     * Keeps a registered batch's signatures in the caller's (their manufacturer's) own collection, as one
     * value under the transaction: {gtin: {serial: signature}}. One private write a batch, not one an item:
     * each is a round trip from the chaincode to its peer, and a hashed key that every peer commits.
     */
    static void keep(final Tx tx, final List<Item> items, final List<String> signatures) {
        final java.util.SortedMap<String, java.util.SortedMap<String, String>> batch = new java.util.TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            batch.computeIfAbsent(items.get(i).gtin(), g -> new java.util.TreeMap<>()).put(items.get(i).serial(), signatures.get(i));
        }
        tx.stub().putPrivateData(collection(tx.mspId()), batchKey(tx.txId()), Json.bytes(batch));
    }

    private static String batchKey(final String txId) {
        return Tx.compositeKey(StateKeys.LABELS, txId).orElseThrow(() -> new IllegalStateException("not a transaction id"));
    }

    /** Reads labels for the manufacturer calling, each registration batch once however many of its items are asked for. */
    static Reader reader(final Tx tx) {
        return new Reader(tx);
    }

    /** Labels of the calling manufacturer's items. */
    static final class Reader {
        private final Tx tx;
        private final Map<String, Map<String, Map<String, String>>> batches = new java.util.HashMap<>();

        private Reader(final Tx tx) {
            this.tx = tx;
        }

        /** An item's label, for its manufacturer only. */
        ItemLabel label(final Item item) {
            if (!item.manufacturer().equals(tx.mspId())) {
                throw ErrorCode.NOT_AUTHORISED.failure("only its manufacturer may obtain the label of " + item.ref());
            }
            final String signature = item.registeredIn().flatMap(txId -> fromBatch(txId, item))
                    .or(() -> ownKey(item))
                    .orElseThrow(() -> new IllegalStateException("this peer holds no signature of " + item.ref()
                            + ": query a peer of " + tx.mspId()));
            final String element = new ElementString(Gtin.parse(item.gtin()), item.serial(), item.cpv(), item.lot(),
                    item.productionDate(), item.expiryDate()).canonical();
            return new ItemLabel(item.gtin(), item.serial(), element, signature);
        }

        private Optional<String> fromBatch(final String txId, final Item item) {
            final Map<String, Map<String, String>> batch = batches.computeIfAbsent(txId, id -> {
                final byte[] raw = tx.stub().getPrivateData(collection(tx.mspId()), batchKey(id));
                return raw == null || raw.length == 0 ? Map.of() : Json.readState(raw, BATCH);
            });
            return Optional.ofNullable(batch.getOrDefault(item.gtin(), Map.of()).get(item.serial()));
        }

        /** An item registered before batches were kept whole: its signature under its own key, or in its public state. */
        private Optional<String> ownKey(final Item item) {
            final String key = StateKeys.item(tx, item.ref());
            return Optional.ofNullable(tx.stub().getPrivateData(collection(tx.mspId()), key))
                    .filter(b -> b.length > 0).map(b -> new String(b, UTF_8))
                    .or(() -> legacy(tx, key));
        }
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Map<String, String>>> BATCH =
            new tools.jackson.core.type.TypeReference<>() {};

    /** The signature of an item registered before signatures left public state, if it is such an item. */
    private static Optional<String> legacy(final Tx tx, final String key) {
        final byte[] state = tx.stub().getState(key);
        if (state == null || state.length == 0) {
            return Optional.empty();
        }
        final var node = Json.tree(state).get("signature");
        return node == null || !node.isString() ? Optional.empty() : Optional.of(node.asString());
    }

}
