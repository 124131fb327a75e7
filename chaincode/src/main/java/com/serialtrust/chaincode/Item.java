package com.serialtrust.chaincode;

import com.serialtrust.gs1.ElementString;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered item: its GS1 data, the digest of its label's signature (the signature itself is
 * the brand's secret, kept in the brand's own private collection), its place in the supply chain, its
 * owner's commitment (never the owner), and its flags. {@code revision} counts its changes, so that an
 * owner's signed proof names the exact state it acts on and cannot be replayed. {@code registeredIn} is
 * the transaction that registered it, under which its manufacturer's collection keeps the signatures of
 * its whole batch (empty for an item registered before: its signature is kept under its own key).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Item(
        String gtin,
        String serial,
        Optional<String> cpv,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate,
        String manufacturer,
        String keyId,
        String signatureDigest,
        Instant registeredAt,
        ItemStatus status,
        Optional<String> custodian,
        Optional<String> pendingCustodian,
        Optional<String> ownerCommitment,
        int owners,
        Optional<Instant> firstSoldAt,
        Optional<Theft> theft,
        Optional<ItemRef> parent,
        Optional<WarrantyVoid> warrantyVoid,
        int serviceRecords,
        long revision,
        LedgerEvent lastEvent,
        Optional<String> registeredIn) {

    public Item {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signatureDigest, "signatureDigest");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastEvent, "lastEvent");
        cpv = orEmpty(cpv);
        lot = orEmpty(lot);
        productionDate = orEmpty(productionDate);
        expiryDate = orEmpty(expiryDate);
        custodian = orEmpty(custodian);
        pendingCustodian = orEmpty(pendingCustodian);
        ownerCommitment = orEmpty(ownerCommitment);
        firstSoldAt = orEmpty(firstSoldAt);
        theft = orEmpty(theft);
        parent = orEmpty(parent);
        warrantyVoid = orEmpty(warrantyVoid);
        registeredIn = orEmpty(registeredIn);
    }

    private static <T> Optional<T> orEmpty(final Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    public ItemRef ref() {
        return new ItemRef(gtin, serial);
    }

    public boolean stolen() {
        return theft.isPresent();
    }

    /** Whether the given organisation holds the item now. */
    boolean heldBy(final String mspId) {
        return status.heldByOrganisation() && custodian.filter(mspId::equals).isPresent();
    }

    /**
     * A newly registered item: the identifiers its label carries, its manufacturer's custody, the key its
     * signature verified with and that signature's digest; no owner, no sale, revision 0.
     */
    static Item registered(final ElementString element, final String manufacturer, final String keyId,
            final String signatureDigest, final Instant at, final LedgerEvent event) {
        return new Item(element.gtin().value(), element.serial(), element.cpv(), element.lot(), element.productionDate(),
                element.expiryDate(), manufacturer, keyId, signatureDigest, at, ItemStatus.REGISTERED,
                Optional.of(manufacturer), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, event, Optional.of(event.txId()));
    }

    /** A copy to change; {@link Builder#build(LedgerEvent)} stamps the event and the next revision. */
    Builder change() {
        return new Builder(this);
    }

    /** Copy-on-write changes to an item. */
    static final class Builder {
        private final Item from;
        private ItemStatus status;
        private Optional<String> custodian;
        private Optional<String> pendingCustodian;
        private Optional<String> ownerCommitment;
        private int owners;
        private Optional<Instant> firstSoldAt;
        private Optional<Theft> theft;
        private Optional<ItemRef> parent;
        private Optional<WarrantyVoid> warrantyVoid;
        private int serviceRecords;

        private Builder(final Item from) {
            this.from = from;
            status = from.status;
            custodian = from.custodian;
            pendingCustodian = from.pendingCustodian;
            ownerCommitment = from.ownerCommitment;
            owners = from.owners;
            firstSoldAt = from.firstSoldAt;
            theft = from.theft;
            parent = from.parent;
            warrantyVoid = from.warrantyVoid;
            serviceRecords = from.serviceRecords;
        }

        Builder status(final ItemStatus value) {
            status = value;
            return this;
        }

        Builder custodian(final Optional<String> value) {
            custodian = value;
            return this;
        }

        Builder pendingCustodian(final Optional<String> value) {
            pendingCustodian = value;
            return this;
        }

        Builder ownerCommitment(final Optional<String> value) {
            ownerCommitment = value;
            return this;
        }

        Builder owners(final int value) {
            owners = value;
            return this;
        }

        Builder firstSoldAt(final Optional<Instant> value) {
            firstSoldAt = value;
            return this;
        }

        Builder theft(final Optional<Theft> value) {
            theft = value;
            return this;
        }

        Builder parent(final Optional<ItemRef> value) {
            parent = value;
            return this;
        }

        Builder warrantyVoid(final Optional<WarrantyVoid> value) {
            warrantyVoid = value;
            return this;
        }

        Builder serviceRecords(final int value) {
            serviceRecords = value;
            return this;
        }

        Item build(final LedgerEvent event) {
            return new Item(from.gtin, from.serial, from.cpv, from.lot, from.productionDate, from.expiryDate,
                    from.manufacturer, from.keyId, from.signatureDigest, from.registeredAt, status, custodian,
                    pendingCustodian, ownerCommitment, owners, firstSoldAt, theft, parent, warrantyVoid,
                    serviceRecords, from.revision + 1, event, from.registeredIn);
        }
    }
}
