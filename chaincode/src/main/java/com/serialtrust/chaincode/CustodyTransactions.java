package com.serialtrust.chaincode;

import com.serialtrust.contract.Received;
import com.serialtrust.contract.Shipped;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The custody and ownership transactions of the SerialTrust contract: hand-overs among members, the
 * sale to a consumer, the consumer's claim and transfer, returns, decommissioning and assembly. Part of
 * {@link SerialTrustContract}, which Fabric routes them through (its scan reads inherited methods).
 */
public interface CustodyTransactions {

    // --- custody and ownership

    /** Ships items the caller holds (a JSON array of {gtin, serial}) to another organisation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ShipItems(final Context ctx, final String items, final String to) {
        return Json.text(new Shipped(Custody.ship(new Tx(ctx), items, to)));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ReceiveItems(final Context ctx, final String items) {
        return Json.text(new Received(Custody.receive(new Tx(ctx), items)));
    }

    /** Sells an item to a consumer, recording only a commitment to the owner's secret or key. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String SellItem(final Context ctx, final String gtin, final String serial, final String ownerCommitment) {
        return Json.text(Custody.sell(new Tx(ctx), ItemRef.parse(gtin, serial), ownerCommitment));
    }

    /** A retailer takes an item back; the owner's proof travels in transient data. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ReturnItem(final Context ctx, final String gtin, final String serial) {
        return Json.text(Custody.takeReturn(new Tx(ctx), ItemRef.parse(gtin, serial)));
    }

    /** The owner replaces the sale's claim code with a commitment of their own. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ClaimOwnership(final Context ctx, final String gtin, final String serial, final String newOwnerCommitment) {
        return Json.text(Custody.rotateOwner(new Tx(ctx), ItemRef.parse(gtin, serial), newOwnerCommitment, false));
    }

    /** The owner hands the item to a new owner; the old owner's proof stops working. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String TransferOwnership(final Context ctx, final String gtin, final String serial,
            final String newOwnerCommitment) {
        return Json.text(Custody.rotateOwner(new Tx(ctx), ItemRef.parse(gtin, serial), newOwnerCommitment, true));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String DecommissionItem(final Context ctx, final String gtin, final String serial, final String reason) {
        return Json.text(Custody.decommission(new Tx(ctx), ItemRef.parse(gtin, serial), reason));
    }

    /** Links components (a JSON array of {gtin, serial}) into a finished item. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String LinkComponents(final Context ctx, final String gtin, final String serial, final String components) {
        return Json.text(Custody.link(new Tx(ctx), ItemRef.parse(gtin, serial), components));
    }
}
