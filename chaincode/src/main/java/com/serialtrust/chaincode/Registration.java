package com.serialtrust.chaincode;

import com.serialtrust.contract.BatchCheck;
import com.serialtrust.contract.ItemRefusal;
import org.hyperledger.fabric.shim.ChaincodeException;
import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.Registered;
import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.OnEveryCore;
import com.serialtrust.crypto.P256;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registration of signed items in batches. Every item is checked before anything is written: one
 * bad item refuses the whole batch, naming its index and its error code.
 */
final class Registration {

    /** The most items one transaction registers. */
    static final int MAX_BATCH = 2000;

    private Registration() {}

    /** Registers a batch of signed items, all or none: the first item refused refuses the batch. */
    static Registered register(final Tx tx, final String batchJson) {
        final Batch batch = Batch.read(tx, batchJson);
        final Checker checker = batch.checker();
        final List<Item> items = new ArrayList<>(batch.items.length);
        for (int i = 0; i < batch.items.length; i++) {
            items.add(checker.check(i, batch.items[i], batch.signatures.get(i)));
        }
        for (Item item : items) {
            tx.putItem(item);
        }
        LabelSignatures.keep(tx, items, batch.signatures);
        tx.emit("ItemsRegistered", Map.of("items", items.stream().map(Item::ref).toList(), "mspId", tx.mspId(), "txId", tx.txId()));
        return new Registered(items.size(), tx.txId());
    }

    /**
     * Checks a batch exactly as {@link #register} does and writes nothing: every item it would refuse, by
     * index, in one round, so that a caller submits the rest once rather than once per refused item.
     */
    static BatchCheck validate(final Tx tx, final String batchJson) {
        final Batch batch = Batch.read(tx, batchJson);
        final Checker checker = batch.checker();
        final List<ItemRefusal> refusals = new ArrayList<>();
        for (int i = 0; i < batch.items.length; i++) {
            try {
                checker.check(i, batch.items[i], batch.signatures.get(i));
            } catch (ChaincodeException e) {
                refusals.add(refusal(i, e));
            }
        }
        return new BatchCheck(refusals);
    }

    /** A refusal of one item as the contract words it: its code, and its message without the "item N: " prefix. */
    private static ItemRefusal refusal(final int index, final ChaincodeException e) {
        final Map<?, ?> payload = Json.readState(e.getPayload(), Map.class);
        final String message = String.valueOf(payload.get("message")).replaceFirst("^item \\d+: ", "");
        return new ItemRefusal(index, ErrorCode.valueOf(String.valueOf(payload.get("code"))), message);
    }

    /** A batch as the manufacturer sent it: its items and, from transient data, their signatures. */
    private record Batch(Tx tx, ItemInput[] items, List<String> signatures) {

        static Batch read(final Tx tx, final String batchJson) {
            tx.require(Role.MANUFACTURER);
            final ItemInput[] items = Json.readArgument("items", batchJson, ItemInput[].class);
            if (items.length == 0) {
                throw ErrorCode.INVALID_ARGUMENT.failure("the batch is empty");
            }
            if (items.length > MAX_BATCH) {
                throw ErrorCode.LIMIT_EXCEEDED.failure("a batch holds at most " + MAX_BATCH + " items, not " + items.length);
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i] != null && items[i].signature().isPresent()) {
                    throw ErrorCode.INVALID_ARGUMENT.failureAt(i, "a signature never travels in the argument, which every"
                            + " block keeps: pass the signatures in the transient field '" + LabelSignatures.TRANSIENT_FIELD + "'");
                }
            }
            return new Batch(tx, items, LabelSignatures.fromTransient(tx, items.length));
        }

        /** A checker with every signature of the batch verified ahead, on every core. */
        Checker checker() {
            final Checker checker = new Checker(tx);
            checker.verifyAhead(items, signatures);
            return checker;
        }
    }

    /** Checks items one by one, caching what a batch shares: product models and keys. */
    private static final class Checker {
        private final Tx tx;
        private final Map<String, Product> products = new HashMap<>();
        private final Set<ItemRef> seen = new HashSet<>();
        private final List<ManufacturerKey> activeKeys;
        /** The key each item's signature verified with, found ahead on every core; absent where it did not. */
        private ManufacturerKey[] verifiedAhead = new ManufacturerKey[0];
        /** The key that last verified a signature of this batch (written by every core of verifyAhead). */
        private volatile ManufacturerKey lastVerified;

        Checker(final Tx tx) {
            this.tx = tx;
            this.activeKeys = KeyRegistry.activeOf(tx, tx.mspId());
        }

        /**
         * Verifies every well-formed item's signature in parallel: the batch's dominant cost, and pure
         * (no ledger access), so it may run on every core. The checks in order still decide the outcome
         * and the error of the first bad item; an item skipped here is verified there.
         */
        void verifyAhead(final ItemInput[] batch, final List<String> signatures) {
            final ManufacturerKey[] keys = new ManufacturerKey[batch.length];
            OnEveryCore.forEach(batch.length, i -> {
                try {
                    final ElementString element = batch[i].element();
                    final byte[] signature = Base64Url.decode(signatures.get(i)).orElseThrow();
                    keys[i] = verifiedWith(element.canonical(), candidates(batch[i].keyId()), signature).orElse(null);
                } catch (RuntimeException skipped) {
                    keys[i] = null; // malformed: the check in order refuses it with its own code
                }
            });
            verifiedAhead = keys;
        }

        Item check(final int index, final ItemInput input, final String signature) {
            if (input == null || input.gtin() == null || input.serial() == null || signature == null) {
                throw ErrorCode.INVALID_ARGUMENT.failureAt(index, "gtin, serial and signature are required");
            }
            final ElementString element;
            try {
                element = input.element();
            } catch (InvalidIdentifierException e) {
                throw Identifiers.refusalAt(index, e);
            }
            final ItemRef ref = new ItemRef(element.gtin().value(), element.serial());
            final Product product = product(index, ref.gtin());
            try {
                product.scheme().validate(ref.serial());
            } catch (InvalidIdentifierException e) {
                throw Identifiers.refusalAt(index, e);
            }
            if (!seen.add(ref)) {
                throw ErrorCode.ITEM_DUPLICATE_IN_BATCH.failureAt(index, ref + " appears twice in the batch");
            }
            if (tx.exists(StateKeys.item(tx, ref))) {
                throw ErrorCode.ITEM_EXISTS.failureAt(index, ref + " is already registered");
            }
            final byte[] signatureBytes = Base64Url.decode(signature)
                    .filter(s -> s.length == P256.SIGNATURE_LENGTH)
                    .orElseThrow(() -> ErrorCode.SIGNATURE_INVALID.failureAt(index,
                            "a signature is 64 bytes (r||s), base64url without padding"));
            final ManufacturerKey key = verify(index, element, input.keyId(), signatureBytes);
            return Item.registered(element, tx.mspId(), key.keyId(), LabelSignatures.digest(signatureBytes), tx.now(),
                    tx.event("REGISTERED", Optional.empty()));
        }

        private Product product(final int index, final String gtin) {
            final Product product = products.computeIfAbsent(gtin,
                    g -> tx.get(StateKeys.product(tx, g), Product.class).orElse(null));
            if (product == null) {
                throw ErrorCode.PRODUCT_NOT_FOUND.failureAt(index, "no product model " + gtin);
            }
            if (!product.mspId().equals(tx.mspId())) {
                throw ErrorCode.NOT_AUTHORISED.failureAt(index, "GTIN " + gtin + " belongs to " + product.mspId());
            }
            return product;
        }

        private List<ManufacturerKey> candidates(final Optional<String> keyId) {
            return keyId.map(id -> activeKeys.stream().filter(k -> k.keyId().equals(id)).toList()).orElse(activeKeys);
        }

        /**
         * The candidate that verifies the signature. A brand may hold up to 16 active keys, and an item
         * that names none was tried against each in turn: up to 16 checks an item on every endorsing peer.
         * A batch is nearly always signed with one key, so the key that verified last is tried first.
         */
        private Optional<ManufacturerKey> verifiedWith(final String message, final List<ManufacturerKey> candidates,
                final byte[] signature) {
            final ManufacturerKey hint = lastVerified;
            if (hint != null && candidates.contains(hint) && P256.verify(KeyRegistry.publicKey(hint), message, signature)) {
                return Optional.of(hint);
            }
            for (ManufacturerKey key : candidates) {
                if (key != hint && P256.verify(KeyRegistry.publicKey(key), message, signature)) {
                    lastVerified = key;
                    return Optional.of(key);
                }
            }
            return Optional.empty();
        }

        private ManufacturerKey verify(final int index, final ElementString element, final Optional<String> keyId,
                final byte[] signature) {
            if (index < verifiedAhead.length && verifiedAhead[index] != null) {
                return verifiedAhead[index];
            }
            final List<ManufacturerKey> candidates = candidates(keyId);
            if (candidates.isEmpty()) {
                throw ErrorCode.KEY_NOT_ACTIVE.failureAt(index, keyId
                        .map(id -> "key " + com.serialtrust.gs1.Text.quote(id) + " is not an active key of " + tx.mspId())
                        .orElse(tx.mspId() + " has no active signing key"));
            }
            final String message = element.canonical();
            return verifiedWith(message, candidates, signature).orElseThrow(() -> ErrorCode.SIGNATURE_INVALID.failureAt(index,
                    "the signature of " + message + " does not verify with "
                            + (candidates.size() == 1 ? "key " + candidates.get(0).keyId() : "any active key")));
        }
    }

}
