package com.serialtrust.chaincode;

import com.serialtrust.contract.WarrantyStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.P256;
import com.serialtrust.gs1.ElementString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a verdict needs, read in one query: the item, its product and manufacturer, the
 * signing key's standing, the presented label (its identifiers and signature) against the registered
 * item, theft, recalls, warranty, owners and the ledger proof of the item's last change. A
 * presented signature is compared with the registered one's digest; a verification is public.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Verification(
        Verdict verdict,
        ItemRef item,
        boolean registered,
        Optional<ItemStatus> status,
        Optional<String> manufacturer,
        Optional<String> productName,
        Optional<String> cpv,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate,
        boolean signatureChecked,
        Optional<Reason> reason,
        List<String> mismatched,
        Optional<String> keyId,
        Optional<String> publicKey,
        Optional<String> keyStatus,
        Optional<WarrantyStatus> warranty,
        List<RecallNotice> recalls,
        Optional<PublicTheft> theft,
        int owners,
        Optional<Instant> firstSoldAt,
        Optional<ItemRef> partOf,
        Optional<Proof> proof) {

    /** Why a label is not the brand's: the signature, an identifier of the link, or the signing key. */
    public enum Reason {
        SIGNATURE_MISMATCH,
        ATTRIBUTE_MISMATCH,
        KEY_COMPROMISED
    }

    /** A recall as a verification shows it; {@code via} names the component that brought it. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record RecallNotice(String id, String kind, String notice, Instant issuedAt, Optional<ItemRef> via) {}

    /**
     * Where the item's current state was written. Chaincode cannot see block numbers: the contract
     * leaves {@code block} empty and the api's ledger client adds it.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Proof(String txId, Instant at, Optional<Long> block) {

        public Proof(final String txId, final Instant at) {
            this(txId, at, Optional.empty());
        }
    }

    /** The same verification with another verdict: a code the api's scan analytics find copied. */
    public Verification withVerdict(final Verdict other) {
        return new Verification(other, item, registered, status, manufacturer, productName, cpv, lot, productionDate,
                expiryDate, signatureChecked, reason, mismatched, keyId, publicKey, keyStatus, warranty, recalls, theft,
                owners, firstSoldAt, partOf, proof);
    }

    /** The same verification with the number of the block that holds its proof's transaction. */
    public Verification withBlock(final long block) {
        return new Verification(verdict, item, registered, status, manufacturer, productName, cpv, lot, productionDate,
                expiryDate, signatureChecked, reason, mismatched, keyId, publicKey, keyStatus, warranty, recalls, theft,
                owners, firstSoldAt, partOf, proof.map(p -> new Proof(p.txId(), p.at(), Optional.of(block))));
    }

    /** What the public learns of a theft: that the item is reported stolen, and since when. */
    public record PublicTheft(String date, Instant reportedAt) {}

    /**
     * The verification of a presented label: the identifiers its link carries and its signature
     * (blank when the check carried none).
     */
    static Verification of(final Tx tx, final ElementString presented, final String presentedSignature) {
        final ItemRef ref = new ItemRef(presented.gtin().value(), presented.serial());
        final Optional<byte[]> signature = signature(presentedSignature);
        final Optional<Item> found = tx.get(StateKeys.item(tx, ref), Item.class);
        if (found.isEmpty()) {
            return new Verification(Verdict.UNREGISTERED, ref, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 0,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        final Item item = found.get();
        final Optional<Product> product = tx.get(StateKeys.product(tx, item.gtin()), Product.class);
        final Optional<ManufacturerKey> key = tx.get(StateKeys.signingKey(tx, item.keyId()), ManufacturerKey.class);
        final boolean keyTrusted = key.map(k -> k.trusts(item.registeredAt())).orElse(false);
        final List<String> mismatched = mismatched(presented, item);
        final Optional<Reason> reason = !keyTrusted ? Optional.of(Reason.KEY_COMPROMISED)
                : !mismatched.isEmpty() ? Optional.of(Reason.ATTRIBUTE_MISMATCH)
                : signature.filter(s -> !LabelSignatures.matches(s, item)).map(s -> Reason.SIGNATURE_MISMATCH);
        final List<RecallNotice> recalls = Recalls.activeFor(tx, item).stream()
                .map(a -> new RecallNotice(a.recall().id(), a.recall().scope().kind(), a.recall().notice(),
                        a.recall().issuedAt(), a.via()))
                .toList();
        final Verdict verdict = Verdict.of(true, reason, signature.isPresent(), item.stolen(),
                item.status() == ItemStatus.DECOMMISSIONED, !recalls.isEmpty());
        final Optional<ItemRef> partOf = Recalls.ancestors(tx, item).stream().reduce((first, second) -> second);
        return new Verification(verdict, ref, true, Optional.of(item.status()), Optional.of(item.manufacturer()),
                product.map(Product::name), item.cpv(), item.lot(), item.productionDate(), item.expiryDate(),
                signature.isPresent(), reason, mismatched, Optional.of(item.keyId()), key.map(ManufacturerKey::publicKey),
                key.map(k -> k.trusts(item.registeredAt()) ? k.status().name() : "COMPROMISED"),
                Optional.of(Warranty.of(item, product, tx.now())), recalls,
                item.theft().map(t -> new PublicTheft(t.date(), t.reportedAt())), item.owners(),
                item.firstSoldAt(), partOf, Optional.of(new Proof(item.lastEvent().txId(), item.lastEvent().at())));
    }

    /** The presented signature in bytes; blank is none, anything but 64 bytes of unpadded base64url is refused. */
    private static Optional<byte[]> signature(final String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Base64Url.decode(presented.strip())
                .filter(s -> s.length == P256.SIGNATURE_LENGTH)
                .orElseThrow(() -> ErrorCode.SIGNATURE_MALFORMED.failure(
                        "a label's sig is 64 bytes (r||s) in base64url without padding: 86 characters of A-Z a-z 0-9 - _")));
    }

    /**
     * The identifiers the link carries that differ from the registered item's: present where the item
     * has none, or another value. A link may leave out what the item has (typed numbers do).
     */
    private static List<String> mismatched(final ElementString presented, final Item item) {
        final List<String> out = new ArrayList<>(4);
        differs("cpv", presented.cpv(), item.cpv(), out);
        differs("lot", presented.lot(), item.lot(), out);
        differs("productionDate", presented.productionDate(), item.productionDate(), out);
        differs("expiryDate", presented.expiryDate(), item.expiryDate(), out);
        return List.copyOf(out);
    }

    private static void differs(final String name, final Optional<String> presented, final Optional<String> registered,
            final List<String> out) {
        if (presented.isPresent() && !presented.equals(registered)) {
            out.add(name);
        }
    }
}
