package com.serialtrust.chaincode;

import com.serialtrust.contract.ItemTheft;
import com.serialtrust.contract.TheftDetails;
import com.serialtrust.contract.ItemPage;
import com.serialtrust.contract.PoliceTheftView;
import com.serialtrust.contract.TheftReportInput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Theft reports by owners and custodians, police flags, and clearing on recovery. */
final class TheftRegister {

    private TheftRegister() {}

    /** The transient field that carries a report's private details. */
    static final String DETAILS_FIELD = TheftDetails.TRANSIENT_FIELD;
    /** The largest private details record, in bytes. */
    static final int MAX_DETAILS = 1024;




    /** The theft of an item as the police see it, details included when the report left any. */
    static Optional<PoliceTheftView> policeView(final Tx tx, final Item item) {
        return item.theft().map(theft -> {
            final byte[] raw = tx.stub().getPrivateData(StateKeys.CONTACT_COLLECTION, detailsKey(tx, item.ref()));
            final Optional<TheftDetails> details = raw == null || raw.length == 0 ? Optional.empty()
                    : Optional.of(Json.readState(raw, TheftDetails.class));
            return new PoliceTheftView(theft.date(), theft.reportedAt(), theft.reportedBy(),
                    details.flatMap(TheftDetails::place), details.flatMap(TheftDetails::policeReport));
        });
    }

    /** The theft report of one item with its private details; police only. */
    static PoliceTheftView get(final Tx tx, final ItemRef ref) {
        tx.require(Role.POLICE);
        return policeView(tx, tx.item(ref))
                .orElseThrow(() -> ErrorCode.ITEM_NOT_STOLEN.failure(ref + " is not reported stolen"));
    }

    /** The most items one {@link #reports} call takes. */
    static final int MAX_REPORTS = 1000;

    /** The theft reports of those of {@code refs} reported stolen, in their order; police only. */
    static java.util.List<ItemTheft> reports(final Tx tx, final java.util.List<ItemRef> refs) {
        tx.require(Role.POLICE);
        final java.util.List<ItemTheft> out = new java.util.ArrayList<>();
        for (ItemRef ref : refs) {
            policeView(tx, tx.item(ref)).ifPresent(view -> out.add(new ItemTheft(ref, view)));
        }
        return out;
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
    static ItemPage stolen(final Tx tx, final String pageSizeArg, final String bookmark) {
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
        final TheftReportInput input = Json.readArgument("report", reportJson, TheftReportInput.class);
        final LocalDate date = Arguments.date("date", input.date());
        if (date.isAfter(tx.now().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw ErrorCode.DATE_INVALID.failure("a theft cannot be reported for a future date");
        }
        tx.transientValue(DETAILS_FIELD).ifPresent(raw -> tx.stub().putPrivateData(
                StateKeys.CONTACT_COLLECTION, detailsKey(tx, item.ref()), details(raw)));
        final Theft theft = new Theft(tx.now(), reporter, date.toString());
        final Item stolen = item.change().theft(Optional.of(theft)).build(tx.event("STOLEN", Optional.empty()));
        tx.putItem(stolen);
        tx.mark(tx.key(StateKeys.STOLEN, item.gtin(), item.serial()));
        tx.emit("TheftReported", Map.of("item", item.ref(), "reportedBy", reporter, "txId", tx.txId()));
        return stolen;
    }

    /** The private details as stored: checked, and re-written canonically. */
    private static byte[] details(final byte[] raw) {
        if (raw.length > MAX_DETAILS) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("theft details are at most " + MAX_DETAILS + " bytes");
        }
        final TheftDetails in = Json.readArgument(DETAILS_FIELD, new String(raw, StandardCharsets.UTF_8), TheftDetails.class);
        final String salt = Arguments.salt(in.salt());
        return Json.bytes(new TheftDetails(Arguments.optionalText("place", in.place(), 100),
                Arguments.optionalText("policeReport", in.policeReport(), 64), salt));
    }

    private static String detailsKey(final Tx tx, final ItemRef ref) {
        return tx.key(StateKeys.THEFT_DETAILS, ref.gtin(), ref.serial());
    }
}
