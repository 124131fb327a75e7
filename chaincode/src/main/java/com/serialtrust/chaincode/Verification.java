package com.serialtrust.chaincode;

import com.serialtrust.crypto.Base64Url;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a verdict needs, read in one query: the item, its product and manufacturer, the
 * signing key's standing, the presented signature against the registered one, theft, recalls,
 * warranty, owners and the ledger proof of the item's last change.
 */
public record Verification(
        Verdict verdict,
        ItemRef item,
        boolean registered,
        Optional<ItemStatus> status,
        Optional<String> manufacturer,
        Optional<String> productName,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate,
        Optional<String> signature,
        boolean signatureChecked,
        Optional<String> keyId,
        Optional<String> publicKey,
        Optional<String> keyStatus,
        Optional<Warranty.Status> warranty,
        List<RecallNotice> recalls,
        Optional<Theft> theft,
        int owners,
        Optional<Instant> firstSoldAt,
        Optional<ItemRef> partOf,
        Optional<Proof> proof) {

    /** A recall as a verification shows it; {@code via} names the component that brought it. */
    public record RecallNotice(String id, String kind, String notice, Instant issuedAt, Optional<ItemRef> via) {}

    /** Where the item's current state was written; the block number is added by the ledger client. */
    public record Proof(String txId, Instant at) {}

    static Verification of(final Tx tx, final ItemRef ref, final String presentedSignature) {
        final Optional<Item> found = tx.get(StateKeys.item(tx, ref), Item.class);
        if (found.isEmpty()) {
            return new Verification(Verdict.UNREGISTERED, ref, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 0, Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        final Item item = found.get();
        final Optional<Product> product = tx.get(StateKeys.product(tx, item.gtin()), Product.class);
        final Optional<ManufacturerKey> key = tx.get(StateKeys.signingKey(tx, item.keyId()), ManufacturerKey.class);
        final boolean checked = presentedSignature != null && !presentedSignature.isBlank();
        final boolean mismatch = checked && !sameSignature(presentedSignature.strip(), item.signature());
        final boolean keyTrusted = key.map(k -> k.trusts(item.registeredAt())).orElse(false);
        final List<RecallNotice> recalls = Recalls.activeFor(tx, item).stream()
                .map(a -> new RecallNotice(a.recall().id(), a.recall().scope().kind(), a.recall().notice(),
                        a.recall().issuedAt(), a.via()))
                .toList();
        final Verdict verdict = Verdict.of(true, mismatch, keyTrusted, item.stolen(),
                item.status() == ItemStatus.DECOMMISSIONED, !recalls.isEmpty());
        final Optional<ItemRef> partOf = Recalls.ancestors(tx, item).stream().reduce((first, second) -> second);
        return new Verification(verdict, ref, true, Optional.of(item.status()), Optional.of(item.manufacturer()),
                product.map(Product::name), item.lot(), item.productionDate(), item.expiryDate(),
                Optional.of(item.signature()), checked, Optional.of(item.keyId()), key.map(ManufacturerKey::publicKey),
                key.map(k -> k.trusts(item.registeredAt()) ? k.status().name() : "COMPROMISED"),
                Optional.of(Warranty.of(item, product, tx.now())), recalls, item.theft(), item.owners(),
                item.firstSoldAt(), partOf, Optional.of(new Proof(item.lastEvent().txId(), item.lastEvent().at())));
    }

    private static boolean sameSignature(final String presented, final String registered) {
        final Optional<byte[]> a = Base64Url.decode(presented);
        final Optional<byte[]> b = Base64Url.decode(registered);
        return a.isPresent() && b.isPresent() && MessageDigest.isEqual(a.get(), b.get());
    }
}
