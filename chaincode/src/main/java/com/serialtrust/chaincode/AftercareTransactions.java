package com.serialtrust.chaincode;

import com.serialtrust.contract.WarrantyRecord;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The transactions of an item's life after sale, for the SerialTrust contract: theft reports and
 * recovery, recalls, service records and warranty, and the owner's private contact details. Part of
 * {@link SerialTrustContract}, which Fabric routes them through (its scan reads inherited methods).
 */
public interface AftercareTransactions {

    // --- theft

    /**
     * The owner (proof in transient data) or the custodian reports theft: {@code {date}}; the place and
     * the police report number travel in the transient field {@code theftDetails} and are kept private.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ReportTheft(final Context ctx, final String gtin, final String serial, final String report) {
        return Json.text(TheftRegister.report(new Tx(ctx), ItemRef.parse(gtin, serial), report));
    }

    /** The police flag an item stolen: {@code {date}}, details in the transient field {@code theftDetails}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String FlagStolen(final Context ctx, final String gtin, final String serial, final String report) {
        return Json.text(TheftRegister.policeFlag(new Tx(ctx), ItemRef.parse(gtin, serial), report));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String ClearTheft(final Context ctx, final String gtin, final String serial, final String note) {
        return Json.text(TheftRegister.clear(new Tx(ctx), ItemRef.parse(gtin, serial), note));
    }

    /** A theft report with its private details (place, police report number); police only. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String GetTheftReport(final Context ctx, final String gtin, final String serial) {
        return Json.text(TheftRegister.get(new Tx(ctx), ItemRef.parse(gtin, serial)));
    }

    /**
     * The theft reports, with their private details, of the listed items that are reported stolen (a JSON
     * array of {gtin, serial}, at most 1,000); police only. A search finds items in the read model, which
     * holds no private data; their details come from here, from a peer that does.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String GetTheftReports(final Context ctx, final String items) {
        return Json.text(TheftRegister.reports(new Tx(ctx), Custody.refs("items", items, TheftRegister.MAX_REPORTS)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String ListStolenItems(final Context ctx, final String pageSize, final String bookmark) {
        return Json.text(TheftRegister.stolen(new Tx(ctx), pageSize, bookmark));
    }

    // --- recall

    /** Issues a recall: scope {gtin, lot? | serial? | producedFrom + producedTo?} and a notice. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String IssueRecall(final Context ctx, final String scope, final String notice) {
        return Json.text(Recalls.issue(new Tx(ctx), scope, notice));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String WithdrawRecall(final Context ctx, final String recallId) {
        return Json.text(Recalls.withdraw(new Tx(ctx), recallId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String GetRecall(final Context ctx, final String recallId) {
        return Json.text(Recalls.get(new Tx(ctx), recallId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String ListRecalls(final Context ctx, final String gtin) {
        final Tx tx = new Tx(ctx);
        return Json.text(Recalls.ofGtin(tx, ProductCatalogue.gtin(gtin)));
    }

    /**
     * Every recall that covers the item or a component in it, withdrawn ones too, oldest first: what
     * its history tells. A public verification shows the ones in force, with the same components.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String ListItemRecalls(final Context ctx, final String gtin, final String serial) {
        final Tx tx = new Tx(ctx);
        return Json.text(Recalls.everFor(tx, tx.item(ItemRef.parse(gtin, serial))));
    }

    // --- warranty and service

    /** Records a repair: {description, replacedParts: [{gtin?, removedSerial?, installedSerial?}]}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String RecordService(final Context ctx, final String gtin, final String serial, final String record) {
        return Json.text(Warranty.record(new Tx(ctx), ItemRef.parse(gtin, serial), record));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String VoidWarranty(final Context ctx, final String gtin, final String serial, final String reason) {
        return Json.text(Warranty.voidWarranty(new Tx(ctx), ItemRef.parse(gtin, serial), reason));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String GetWarranty(final Context ctx, final String gtin, final String serial) {
        final Tx tx = new Tx(ctx);
        final Item item = tx.item(ItemRef.parse(gtin, serial));
        return Json.text(new WarrantyRecord(Warranty.of(item, tx.get(StateKeys.product(tx, item.gtin()), Product.class), tx.now()),
                Warranty.records(tx, item.ref())));
    }

    // --- owner contact (private data)

    /** The owner leaves contact details (transient field {@code contact}, JSON) for the police only. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    default String SetOwnerContact(final Context ctx, final String gtin, final String serial) {
        Queries.setContact(new Tx(ctx), ItemRef.parse(gtin, serial));
        return "{}";
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    default String GetOwnerContact(final Context ctx, final String gtin, final String serial) {
        return Queries.contact(new Tx(ctx), ItemRef.parse(gtin, serial));
    }
}
