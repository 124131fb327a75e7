package com.serialtrust.api.history;

import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.LedgerEvent;
import com.serialtrust.chaincode.AppliedRecall;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.contract.HistoryEntry;
import java.util.List;
import com.serialtrust.api.qr.QrProperties;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item's ledger history as a GS1 EPCIS 2.0 JSON-LD document, valid by GS1's EPCIS 2.0 JSON schema:
 * one event per ledger change, with the CBV 2.0 business step and disposition it stands for; assembly as
 * an AggregationEvent, a retail sale as a TransactionEvent. A consumer's claim or resale is an
 * ObjectEvent with no business step (CBV has none for it) and no read point: no organisation's site saw
 * it. A recall that covers the item, or a component in it, is an ObjectEvent of its own, disposition
 * {@code recalled}, at the time it was issued, read at the recalling brand; its withdrawal is another,
 * giving the item back the disposition it had then. Items are named by their GS1 Digital Link URIs;
 * each event's id is its CBV 2.0 event hash ({@link EventHash}).
 */
@Component
class Epcis {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** The vocabulary of SerialTrust's own fields, as the document's context declares it. */
    static final Map<String, String> NAMESPACES = Map.of("serialtrust", "urn:serialtrust:");

    /** Ledger event type to CBV business step and disposition. */
    private static final Map<String, String[]> CBV = Map.ofEntries(
            Map.entry("REGISTERED", new String[] {"commissioning", "active"}),
            Map.entry("SHIPPED", new String[] {"shipping", "in_transit"}),
            Map.entry("RECEIVED", new String[] {"receiving", "in_progress"}),
            Map.entry("SOLD", new String[] {"retail_selling", "retail_sold"}),
            Map.entry("CLAIMED", new String[] {"", "retail_sold"}),
            Map.entry("TRANSFERRED", new String[] {"", "retail_sold"}),
            // CBV has no step for a return: the retailer receives the item back, disposition returned
            Map.entry("RETURNED", new String[] {"receiving", "returned"}),
            Map.entry("STOLEN", new String[] {"holding", "stolen"}),
            Map.entry("RECOVERED", new String[] {"inspecting", "active"}),
            Map.entry("DECOMMISSIONED", new String[] {"destroying", "destroyed"}),
            Map.entry("ASSEMBLED", new String[] {"assembling", "in_progress"}),
            Map.entry("SERVICED", new String[] {"repairing", "active"}),
            Map.entry("WARRANTY_VOIDED", new String[] {"inspecting", "active"}));

    private final JsonMapper json;
    private final QrProperties qr;

    Epcis(final JsonMapper json, final QrProperties qr) {
        this.json = json;
        this.qr = qr;
    }

    /** The document of an item's history and its recalls, in time order. */
    ObjectNode document(final List<HistoryEntry> history, final List<AppliedRecall> recalls) {
        final ObjectNode doc = header("EPCISDocument");
        final ArrayNode events = doc.putObject("epcisBody").putArray("eventList");
        events(history, recalls).forEach(events::add);
        return doc;
    }

    /** The answer to an EPCIS query, as the REST binding gives it: the events that matched, in time order. */
    ObjectNode queryDocument(final String queryName, final List<ObjectNode> matched) {
        final ObjectNode doc = header("EPCISQueryDocument");
        final ObjectNode results = doc.putObject("epcisBody").putObject("queryResults");
        results.put("queryName", queryName);
        final ArrayNode events = results.putObject("resultsBody").putArray("eventList");
        matched.forEach(events::add);
        return doc;
    }

    private ObjectNode header(final String type) {
        final ObjectNode doc = json.createObjectNode();
        doc.putArray("@context").add(CONTEXT).addObject().put("serialtrust", NAMESPACES.get("serialtrust"));
        doc.put("type", type);
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", Instant.now().toString());
        return doc;
    }

    /**
     * An item's events: one per ledger change, and one per recall that covers it (the contract's
     * {@code ListItemRecalls}) with one more for its withdrawal, in time order.
     */
    List<ObjectNode> events(final List<HistoryEntry> history, final List<AppliedRecall> recalls) {
        final List<ObjectNode> timeline = new java.util.ArrayList<>();
        for (HistoryEntry entry : history) {
            entry.item().ifPresent(item -> timeline.add(event(entry, item)));
        }
        final List<ObjectNode> ledger = List.copyOf(timeline);
        ItemEvents.latest(history).ifPresent(item -> recalls.forEach(applied -> {
            timeline.add(recalled(applied, item));
            applied.recall().withdrawnAt().ifPresent(at -> timeline.add(withdrawn(applied, item,
                    dispositionAt(at, ledger, recalls, applied.recall()))));
        }));
        // a stable sort: events of one instant keep the ledger's order
        timeline.sort(java.util.Comparator.comparing(Epcis::time));
        return timeline;
    }

    /**
     * The item's disposition at {@code at} once {@code lifted} no longer holds: recalled while another
     * recall is in force then, else what its last ledger event by then left it.
     */
    private static String dispositionAt(final Instant at, final List<ObjectNode> ledger, final List<AppliedRecall> recalls,
            final Recall lifted) {
        final boolean stillRecalled = recalls.stream().map(AppliedRecall::recall)
                .filter(r -> !r.id().equals(lifted.id()))
                .anyMatch(r -> !r.issuedAt().isAfter(at) && r.withdrawnAt().filter(w -> !w.isAfter(at)).isEmpty());
        if (stillRecalled) {
            return "recalled";
        }
        return ledger.stream().filter(e -> !time(e).isAfter(at)).reduce((first, last) -> last)
                .map(e -> e.get("disposition").asString()).orElse("active");
    }

    /** The item as EPCIS names it: its Digital Link URI under this resolver. */
    private String epc(final Item item) {
        return epc(item.gtin(), item.serial());
    }

    private String epc(final String gtin, final String serial) {
        return qr.resolverRoot() + "/01/" + gtin + "/21/" + serial;
    }

    /** When an event happened. */
    static Instant time(final ObjectNode event) {
        return Instant.parse(event.get("eventTime").asString());
    }

    private ObjectNode event(final HistoryEntry entry, final Item item) {
        final LedgerEvent last = item.lastEvent();
        final String type = last.type();
        final String[] cbv = CBV.getOrDefault(type, new String[] {"inspecting", "active"});
        final String epc = epc(item);
        final ObjectNode e = json.createObjectNode();
        final String kind = switch (type) {
            case "ASSEMBLED" -> "AggregationEvent";
            case "SOLD" -> "TransactionEvent";
            default -> "ObjectEvent";
        };
        e.put("type", kind);
        e.put("eventTime", entry.at().toString());
        e.put("eventTimeZoneOffset", "+00:00");
        e.put("action", switch (type) {
            case "REGISTERED" -> "ADD";
            case "DECOMMISSIONED" -> "DELETE";
            default -> kind.equals("AggregationEvent") ? "ADD" : "OBSERVE";
        });
        if (kind.equals("AggregationEvent")) {
            e.put("parentID", qr.resolverRoot() + "/01/"
                    + last.detail().orElse("").replaceAll("[()]", "/").replaceAll("^/01/", ""));
            e.putArray("childEPCs").add(epc);
        } else {
            e.putArray("epcList").add(epc);
        }
        if (!cbv[0].isEmpty()) {
            e.put("bizStep", cbv[0]);
        }
        e.put("disposition", cbv[1]);
        if (kind.equals("TransactionEvent")) {
            // the sale's ledger transaction; a till receipt has no type among CBV's business transactions
            e.putArray("bizTransactionList").addObject().put("bizTransaction", "urn:serialtrust:tx:" + entry.txId());
        }
        if (!cbv[0].isEmpty() && !byOwner(type, item)) {
            e.putObject("readPoint").put("id", "urn:serialtrust:msp:" + last.actor());
        } else if (cbv[0].isEmpty()) {
            e.put("serialtrust:ownership", type.toLowerCase(java.util.Locale.ROOT));
        }
        e.put("serialtrust:txId", entry.txId());
        e.put("eventID", EventHash.of(e, NAMESPACES));
        return e;
    }

    /** A recall that covers the item: held, disposition recalled, read at the brand that issued it. */
    private ObjectNode recalled(final AppliedRecall applied, final Item item) {
        return recallEvent(applied, item, applied.recall().issuedAt(), "holding", "recalled", "serialtrust:recallId");
    }

    /** A recall withdrawn: the item inspected at the brand, and given back {@code disposition}. */
    private ObjectNode withdrawn(final AppliedRecall applied, final Item item, final String disposition) {
        return recallEvent(applied, item, applied.recall().withdrawnAt().orElseThrow(), "inspecting", disposition,
                "serialtrust:recallWithdrawn");
    }

    /** An event of a recall's, which names it in {@code idField}. */
    private ObjectNode recallEvent(final AppliedRecall applied, final Item item, final Instant at, final String bizStep,
            final String disposition, final String idField) {
        final Recall recall = applied.recall();
        final ObjectNode e = json.createObjectNode();
        e.put("type", "ObjectEvent");
        e.put("eventTime", at.toString());
        e.put("eventTimeZoneOffset", "+00:00");
        e.put("action", "OBSERVE");
        e.putArray("epcList").add(epc(item));
        e.put("bizStep", bizStep);
        e.put("disposition", disposition);
        e.putObject("readPoint").put("id", "urn:serialtrust:msp:" + recall.mspId());
        e.put(idField, recall.id());
        // the component the recall names, when it reaches the item through its parts
        applied.via().ifPresent(part -> e.put("serialtrust:recallVia", epc(part.gtin(), part.serial())));
        e.put("eventID", EventHash.of(e, NAMESPACES));
        return e;
    }

    /** Whether the item's owner, not an organisation, made this change: a theft the owner reported. */
    private static boolean byOwner(final String type, final Item item) {
        return type.equals("STOLEN") && item.theft().filter(t -> t.reportedBy().equals("OWNER")).isPresent();
    }
}
