package com.serialtrust.chaincode;

import com.serialtrust.contract.LineError;
import com.serialtrust.contract.HistoryEntry;
import com.serialtrust.contract.CloseMatches;
import com.serialtrust.contract.ItemPage;
import com.serialtrust.contract.PoliceTheftView;
import com.serialtrust.contract.SerialCheck;
import com.serialtrust.contract.SerialCheckResult;
import com.serialtrust.contract.SerialMatch;
import com.serialtrust.gs1.Cset82;
import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/** Read-only views: history, lots, assemblies, police checks and owner contact. */
final class Queries {

    /** The most entries a history returns. */
    static final int MAX_HISTORY = 1000;
    /** The most serials one police list check takes. */
    static final int MAX_CHECK = 1000;
    /** The largest owner contact record, in bytes. */
    static final int MAX_CONTACT = 2048;

    private Queries() {}

    /**
     * A match; for the police, its theft's public report. A search reads only public state, so that an
     * api's read model can answer it: the private details are {@link TheftRegister#reports}' to give.
     */
    private static SerialMatch match(final Tx tx, final Item item, final int distance) {
        final Optional<PoliceTheftView> theft = tx.callerOrganisation().has(Role.POLICE)
                ? item.theft().map(t -> new PoliceTheftView(t.date(), t.reportedAt(), t.reportedBy(), Optional.empty(),
                        Optional.empty()))
                : Optional.empty();
        return new SerialMatch(item.ref(), item.status(), item.stolen(), theft, item.manufacturer(), distance);
    }


    static List<HistoryEntry> history(final Tx tx, final ItemRef ref) {
        final List<HistoryEntry> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> changes = tx.stub().getHistoryForKey(StateKeys.item(tx, ref))) {
            for (KeyModification change : changes) {
                if (entries.size() == MAX_HISTORY) {
                    break;
                }
                entries.add(new HistoryEntry(change.getTxId(), change.getTimestamp(), change.isDeleted()
                        ? Optional.empty() : Optional.of(Json.readState(change.getValue(), Item.class))));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("history query failed", e);
        }
        if (entries.isEmpty()) {
            throw ErrorCode.ITEM_NOT_FOUND.failure("no item " + ref);
        }
        Collections.reverse(entries); // a peer returns newest first; a timeline reads oldest first
        return entries;
    }

    static ItemPage byLot(final Tx tx, final String gtinArg, final String lot, final String pageSizeArg,
            final String bookmark) {
        final String gtin = ProductCatalogue.gtin(gtinArg);
        if (lot == null || !Cset82.isValid(lot, 20)) {
            throw ErrorCode.LOT_INVALID.failure("a lot is 1-20 characters of GS1 set 82");
        }
        return tx.itemPage(StateKeys.LOT, Arguments.pageSize(pageSizeArg), bookmark,
                attrs -> new ItemRef(gtin, attrs.get(2)), gtin, lot);
    }

    /** The assemblies that contain an item, innermost first. */
    static List<ItemRef> containing(final Tx tx, final ItemRef ref) {
        return Recalls.ancestors(tx, tx.item(ref));
    }





    /**
     * Exact checks of a list of serials: the police's list check, and a manufacturer's look-up of
     * which rows of an import are registered already.
     */
    static List<SerialCheckResult> check(final Tx tx, final String listJson) {
        tx.require(Role.POLICE, Role.MANUFACTURER);
        final SerialCheck[] inputs = Json.readArgument("serials", listJson, SerialCheck[].class);
        if (inputs.length == 0 || inputs.length > MAX_CHECK) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("a check takes 1 to " + MAX_CHECK + " serials");
        }
        final List<SerialCheckResult> results = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            final SerialCheck input = inputs[i];
            final String serial = input == null || input.serial() == null ? "" : input.serial().strip();
            if (!Cset82.isValid(serial, 20)) {
                results.add(new SerialCheckResult(serial, List.of(), Optional.of(new LineError(ErrorCode.SERIAL_INVALID,
                        "a serial is 1-20 characters of GS1 set 82"))));
                continue;
            }
            final Optional<String> gtin;
            try {
                gtin = input.gtin().filter(g -> !g.isBlank()).map(g -> Gtin.parse(g.strip()).value());
            } catch (InvalidIdentifierException e) {
                results.add(new SerialCheckResult(serial, List.of(), Optional.of(new LineError(Identifiers.code(e), e.getMessage()))));
                continue;
            }
            final List<SerialMatch> matches = new ArrayList<>();
            for (ItemRef ref : SearchIndex.exact(tx, serial, gtin)) {
                matches.add(match(tx, tx.item(ref), 0));
            }
            results.add(new SerialCheckResult(serial, matches, Optional.empty()));
        }
        return results;
    }


    static CloseMatches close(final Tx tx, final String serialArg) {
        tx.require(Role.POLICE);
        final String serial = Arguments.text("serial", serialArg, 40);
        final SearchIndex.CloseResult found = SearchIndex.close(tx, serial);
        final List<SerialMatch> matches = new ArrayList<>();
        for (SearchIndex.CloseMatch match : found.matches()) {
            matches.add(match(tx, tx.item(match.item()), match.distance()));
        }
        return new CloseMatches(serial, found.normalised(), matches, found.truncated());
    }

    /**
     * The owner (with proof) leaves contact details for the police in a private collection. The
     * details carry the client's random {@code salt}, so that the hash Fabric puts on chain cannot
     * confirm a guessed address; a key owner's proof signs {@link OwnerProofs#contactDigest} of them, so that the
     * proof cannot be replayed with other details.
     */
    static void setContact(final Tx tx, final ItemRef ref) {
        final Item item = tx.item(ref);
        if (item.status() != ItemStatus.SOLD) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure(ref + " has no consumer owner");
        }
        final byte[] contact = tx.transientValue("contact")
                .orElseThrow(() -> ErrorCode.INVALID_ARGUMENT.failure("the transient field 'contact' is required"));
        if (contact.length > MAX_CONTACT) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("contact details are at most " + MAX_CONTACT + " bytes");
        }
        final Map<String, Object> details = contactDetails(contact);
        Arguments.salt(details.get("salt") instanceof String salt ? salt : null);
        OwnerProofs.requireOwner(tx, item, "SET_CONTACT", OwnerProofs.contactDigest(details));
        tx.stub().putPrivateData(StateKeys.CONTACT_COLLECTION, StateKeys.item(tx, ref), Json.bytes(details));
        tx.emit("OwnerContactSet", Map.of("item", ref, "txId", tx.txId()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contactDetails(final byte[] contact) {
        return Json.readArgument("contact", new String(contact, StandardCharsets.UTF_8), Map.class);
    }

    /** The owner's contact details, without their salt; police only. */
    static String contact(final Tx tx, final ItemRef ref) {
        tx.require(Role.POLICE);
        tx.item(ref);
        final byte[] contact = tx.stub().getPrivateData(StateKeys.CONTACT_COLLECTION, StateKeys.item(tx, ref));
        if (contact == null || contact.length == 0) {
            throw ErrorCode.CONTACT_NOT_FOUND.failure("the owner of " + ref + " left no contact details");
        }
        final Map<String, Object> details = new java.util.TreeMap<>(contactDetails(contact));
        details.remove("salt");
        return Json.text(details);
    }
}
