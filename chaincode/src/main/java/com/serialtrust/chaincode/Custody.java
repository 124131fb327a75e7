package com.serialtrust.chaincode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Custody among consortium organisations (ship, receive), the sale to a consumer, returns,
 * consumer-to-consumer transfers, decommissioning and assembly.
 */
final class Custody {

    /** The most items one custody transaction moves. */
    static final int MAX_ITEMS = Registration.MAX_BATCH;
    /** The most components linked in one transaction. */
    static final int MAX_COMPONENTS = 200;

    private Custody() {}

    static List<ItemRef> refs(final String name, final String json, final int max) {
        final ItemRef[] refs = Json.readArgument(name, json, ItemRef[].class);
        if (refs.length == 0 || refs.length > max) {
            throw ErrorCode.LIMIT_EXCEEDED.failure(name + " must hold 1 to " + max + " items");
        }
        final List<ItemRef> normalised = new ArrayList<>(refs.length);
        for (int i = 0; i < refs.length; i++) {
            final ItemRef ref = refs[i];
            if (ref == null) {
                throw ErrorCode.INVALID_ARGUMENT.failureAt(i, "an item needs a gtin and a serial");
            }
            final ItemRef n = ref.normalised();
            if (normalised.contains(n)) {
                throw ErrorCode.ITEM_DUPLICATE_IN_BATCH.failureAt(i, n + " appears twice");
            }
            normalised.add(n);
        }
        return normalised;
    }

    static List<ItemRef> ship(final Tx tx, final String itemsJson, final String toArg) {
        final String to = Arguments.mspId("to", toArg);
        final Organisation receiver = tx.get(StateKeys.org(tx, to), Organisation.class)
                .orElseThrow(() -> ErrorCode.ORGANISATION_NOT_FOUND.failure("no organisation " + to));
        if (!(receiver.has(Role.MANUFACTURER) || receiver.has(Role.DISTRIBUTOR) || receiver.has(Role.RETAILER)
                || receiver.has(Role.SERVICE))) {
            throw ErrorCode.NOT_AUTHORISED.failure(to + " takes no part in the supply chain");
        }
        if (to.equals(tx.mspId())) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure("an organisation cannot ship to itself");
        }
        final List<ItemRef> refs = refs("items", itemsJson, MAX_ITEMS);
        for (int i = 0; i < refs.size(); i++) {
            final Item item = heldByCaller(tx, refs.get(i), i);
            requireLoose(item, i);
            requireNotStolen(item, i);
            tx.putItem(item.change().status(ItemStatus.IN_TRANSIT).pendingCustodian(Optional.of(to))
                    .build(tx.event("SHIPPED", Optional.of(to))));
        }
        tx.emit("ItemsShipped", Map.of("items", refs, "from", tx.mspId(), "to", to, "txId", tx.txId()));
        return refs;
    }

    static List<ItemRef> receive(final Tx tx, final String itemsJson) {
        final List<ItemRef> refs = refs("items", itemsJson, MAX_ITEMS);
        for (int i = 0; i < refs.size(); i++) {
            final Item item = tx.item(refs.get(i));
            if (item.status() != ItemStatus.IN_TRANSIT || !item.pendingCustodian().filter(tx.mspId()::equals).isPresent()) {
                throw ErrorCode.NOT_CUSTODIAN.failureAt(i, item.ref() + " is not in transit to " + tx.mspId());
            }
            tx.putItem(item.change().status(ItemStatus.IN_STOCK).custodian(Optional.of(tx.mspId()))
                    .pendingCustodian(Optional.empty()).build(tx.event("RECEIVED", Optional.empty())));
        }
        tx.emit("ItemsReceived", Map.of("items", refs, "by", tx.mspId(), "txId", tx.txId()));
        return refs;
    }

    static Item sell(final Tx tx, final ItemRef ref, final String commitmentArg) {
        tx.require(Role.RETAILER, Role.MANUFACTURER);
        final String commitment = OwnerProofs.requireCommitment("ownerCommitment", commitmentArg);
        final Item item = heldByCaller(tx, ref, -1);
        requireLoose(item, -1);
        requireNotStolen(item, -1);
        if (!Recalls.activeFor(tx, item).isEmpty()) {
            throw ErrorCode.ITEM_RECALLED.failure(ref + " is under recall and cannot be sold");
        }
        final Item sold = item.change().status(ItemStatus.SOLD).custodian(Optional.empty())
                .ownerCommitment(Optional.of(commitment)).owners(item.owners() + 1)
                .firstSoldAt(Optional.of(item.firstSoldAt().orElse(tx.now())))
                .build(tx.event("SOLD", Optional.empty()));
        tx.putItem(sold);
        tx.emit("ItemSold", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return sold;
    }

    static Item takeReturn(final Tx tx, final ItemRef ref) {
        tx.require(Role.RETAILER);
        final Item item = tx.item(ref);
        if (item.status() != ItemStatus.SOLD) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure(ref + " is " + item.status() + ", only a sold item is returned");
        }
        requireNotStolen(item, -1);
        OwnerProofs.requireOwner(tx, item, "RETURN", tx.mspId());
        final Item returned = item.change().status(ItemStatus.RETURNED).custodian(Optional.of(tx.mspId()))
                .ownerCommitment(Optional.empty()).build(tx.event("RETURNED", Optional.empty()));
        tx.putItem(returned);
        tx.emit("ItemReturned", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return returned;
    }

    /**
     * Rotates the owner's commitment. A transfer hands the item to a new owner (the owner count
     * grows); a claim replaces the claim code from the sale with the same owner's own key.
     */
    static Item rotateOwner(final Tx tx, final ItemRef ref, final String nextArg, final boolean transfer) {
        final String next = OwnerProofs.requireCommitment("newOwnerCommitment", nextArg);
        final Item item = tx.item(ref);
        if (item.status() != ItemStatus.SOLD) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure(ref + " is " + item.status() + ", not owned by a consumer");
        }
        requireNotStolen(item, -1);
        if (item.ownerCommitment().filter(next::equals).isPresent()) {
            throw ErrorCode.COMMITMENT_INVALID.failure("the new commitment must differ from the current one");
        }
        final String action = transfer ? "TRANSFER" : "CLAIM";
        OwnerProofs.requireOwner(tx, item, action, next);
        final Item changed = item.change().ownerCommitment(Optional.of(next))
                .owners(transfer ? item.owners() + 1 : item.owners())
                .build(tx.event(transfer ? "TRANSFERRED" : "CLAIMED", Optional.empty()));
        tx.putItem(changed);
        if (transfer) {
            // the previous owner's contact details must not reach the police as the new owner's
            tx.stub().delPrivateData(StateKeys.CONTACT_COLLECTION, StateKeys.item(tx, ref));
        }
        tx.emit(transfer ? "OwnershipTransferred" : "OwnershipClaimed", Map.of("item", ref, "txId", tx.txId()));
        return changed;
    }

    static Item decommission(final Tx tx, final ItemRef ref, final String reasonArg) {
        final String reason = Arguments.text("reason", reasonArg, 500);
        final Item item = heldByCaller(tx, ref, -1);
        requireLoose(item, -1);
        final Item done = item.change().status(ItemStatus.DECOMMISSIONED).custodian(Optional.empty())
                .build(tx.event("DECOMMISSIONED", Optional.of(reason)));
        tx.putItem(done);
        tx.emit("ItemDecommissioned", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return done;
    }

    static Item link(final Tx tx, final ItemRef parentRef, final String componentsJson) {
        tx.require(Role.MANUFACTURER, Role.SERVICE);
        final Item parent = heldByCaller(tx, parentRef, -1);
        requireLoose(parent, -1);
        final List<ItemRef> components = refs("components", componentsJson, MAX_COMPONENTS);
        final List<ItemRef> ancestors = Recalls.ancestors(tx, parent);
        for (int i = 0; i < components.size(); i++) {
            final ItemRef ref = components.get(i);
            if (ref.equals(parentRef) || ancestors.contains(ref)) {
                throw ErrorCode.ASSEMBLY_INVALID.failureAt(i, ref + " cannot be a component of itself");
            }
            final Item component = heldByCaller(tx, ref, i);
            requireLoose(component, i);
            requireNotStolen(component, i);
            tx.putItem(component.change().parent(Optional.of(parentRef))
                    .build(tx.event("ASSEMBLED", Optional.of(parentRef.toString()))));
            tx.mark(tx.key(StateKeys.CHILD, parentRef.gtin(), parentRef.serial(), ref.gtin(), ref.serial()));
        }
        tx.emit("ComponentsLinked", Map.of("item", parentRef, "components", components, "txId", tx.txId()));
        return parent;
    }

    private static Item heldByCaller(final Tx tx, final ItemRef ref, final int index) {
        final Item item = tx.item(ref);
        if (item.status() == ItemStatus.DECOMMISSIONED) {
            throw at(ErrorCode.ILLEGAL_TRANSITION, index, ref + " is decommissioned");
        }
        if (!item.heldBy(tx.mspId())) {
            throw at(ErrorCode.NOT_CUSTODIAN, index, ref + " is " + item.status() + " and not held by " + tx.mspId());
        }
        return item;
    }

    private static void requireLoose(final Item item, final int index) {
        if (item.parent().isPresent()) {
            throw at(ErrorCode.ITEM_ASSEMBLED, index, item.ref() + " is a component of " + item.parent().get());
        }
    }

    static void requireNotStolen(final Item item, final int index) {
        if (item.stolen()) {
            throw at(ErrorCode.ITEM_STOLEN, index, item.ref() + " is reported stolen");
        }
    }

    private static org.hyperledger.fabric.shim.ChaincodeException at(final ErrorCode code, final int index, final String message) {
        return index < 0 ? code.failure(message) : code.failureAt(index, message);
    }
}
