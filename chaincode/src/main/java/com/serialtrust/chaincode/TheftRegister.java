package com.serialtrust.chaincode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Theft reports by owners and custodians, police flags, and clearing on recovery. */
final class TheftRegister {

    private TheftRegister() {}

    /** A theft report as submitted: when and where (coarse), and the police report number if any. */
    record ReportInput(String date, String place, Optional<String> policeReport) {
        ReportInput {
            policeReport = policeReport == null ? Optional.empty() : policeReport;
        }
    }

    /** The owner (with proof) or the organisation holding the item reports it stolen. */
    static Item report(final Tx tx, final ItemRef ref, final String reportJson) {
        final Item item = tx.item(ref);
        final String reporter;
        if (item.status() == ItemStatus.SOLD) {
            OwnerProofs.requireOwner(tx, item, "REPORT_THEFT", "");
            reporter = "OWNER";
        } else if (item.heldBy(tx.mspId()) || item.status() == ItemStatus.IN_TRANSIT
                && (item.custodian().filter(tx.mspId()::equals).isPresent()
                        || item.pendingCustodian().filter(tx.mspId()::equals).isPresent())) {
            reporter = tx.mspId();
        } else {
            throw ErrorCode.NOT_CUSTODIAN.failure("only the owner or the custodian of " + ref + " may report it stolen");
        }
        return flag(tx, item, reportJson, reporter);
    }

    /** The police flag an item stolen, for example on a report made at a police station. */
    static Item policeFlag(final Tx tx, final ItemRef ref, final String reportJson) {
        tx.require(Role.POLICE);
        return flag(tx, tx.item(ref), reportJson, tx.mspId());
    }

    static Item clear(final Tx tx, final ItemRef ref, final String noteArg) {
        tx.require(Role.POLICE);
        final String note = Arguments.text("note", noteArg, 500);
        final Item item = tx.item(ref);
        if (!item.stolen()) {
            throw ErrorCode.ITEM_NOT_STOLEN.failure(ref + " is not reported stolen");
        }
        final Item cleared = item.change().theft(Optional.empty()).build(tx.event("RECOVERED", Optional.of(note)));
        tx.putItem(cleared);
        tx.delete(tx.key(StateKeys.STOLEN, ref.gtin(), ref.serial()));
        tx.emit("TheftCleared", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return cleared;
    }

    /** A page of items currently reported stolen; police only. */
    static Tx.ItemPage stolen(final Tx tx, final String pageSizeArg, final String bookmark) {
        tx.require(Role.POLICE);
        return tx.itemPage(StateKeys.STOLEN, Arguments.pageSize(pageSizeArg), bookmark,
                attrs -> new ItemRef(attrs.get(0), attrs.get(1)));
    }

    private static Item flag(final Tx tx, final Item item, final String reportJson, final String reporter) {
        if (item.stolen()) {
            throw ErrorCode.ITEM_STOLEN.failure(item.ref() + " is already reported stolen");
        }
        if (item.status() == ItemStatus.DECOMMISSIONED) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure(item.ref() + " is decommissioned");
        }
        final ReportInput input = Json.readArgument("report", reportJson, ReportInput.class);
        final LocalDate date = Arguments.date("date", input.date());
        if (date.isAfter(tx.now().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw ErrorCode.DATE_INVALID.failure("a theft cannot be reported for a future date");
        }
        final Theft theft = new Theft(tx.now(), reporter, date.toString(), Arguments.text("place", input.place(), 100),
                Arguments.optionalText("policeReport", input.policeReport(), 64));
        final Item stolen = item.change().theft(Optional.of(theft)).build(tx.event("STOLEN", Optional.empty()));
        tx.putItem(stolen);
        tx.mark(tx.key(StateKeys.STOLEN, item.gtin(), item.serial()));
        tx.emit("TheftReported", Map.of("item", item.ref(), "reportedBy", reporter, "place", theft.place(), "txId", tx.txId()));
        return stolen;
    }
}
