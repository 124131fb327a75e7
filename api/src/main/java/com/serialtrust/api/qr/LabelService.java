package com.serialtrust.api.qr;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Digital Link that goes on an item's label: its identifiers and its registered signature. */
@Service
public class LabelService {

    private final Ledger ledger;
    private final QrProperties properties;
    private final JsonMapper json;

    LabelService(final Ledger ledger, final QrProperties properties, final JsonMapper json) {
        this.ledger = ledger;
        this.properties = properties;
        this.json = json;
    }

    /** The label URI of a registered item, read from the ledger as {@code as}. */
    public Mono<String> uri(final Organisation as, final String gtin, final String serial) {
        final ElementString requested = ElementString.of(Gtin.parse(gtin), serial);
        return ledger.evaluate(as, "GetItem", List.of(requested.gtin().value(), requested.serial()))
                .map(payload -> uri(json.readTree(payload)));
    }

    /**
     * The label URI of an item as the ledger returns it. The ledger hands an item's signature to its
     * manufacturer only; to anyone else there is no label to print.
     */
    public String uri(final JsonNode item) {
        if (!item.hasNonNull("signature")) {
            throw new com.serialtrust.api.problem.ApiProblem("NOT_AUTHORISED",
                    "only the item's manufacturer may obtain its label");
        }
        final ElementString element = new ElementString(Gtin.parse(item.get("gtin").asString()),
                item.get("serial").asString(), optional(item, "cpv"), optional(item, "lot"),
                optional(item, "productionDate"), optional(item, "expiryDate"));
        return new DigitalLink(element, optional(item, "signature")).toUri(properties.resolverBase());
    }

    /** Every item of a lot, as labels, read page by page; at most {@link #MAX_SHEET}. */
    Mono<java.util.List<LabelSheet.Label>> lot(final Organisation as, final String gtin, final String lot) {
        final String gtin14 = Gtin.parse(gtin).value();
        return page(as, gtin14, lot, "", new java.util.ArrayList<>());
    }

    static final int MAX_SHEET = 10_000;

    private Mono<java.util.List<LabelSheet.Label>> page(final Organisation as, final String gtin, final String lot,
            final String bookmark, final java.util.List<LabelSheet.Label> acc) {
        return ledger.evaluate(as, "ListItemsByLot", List.of(gtin, lot, "1000", bookmark)).flatMap(payload -> {
            final JsonNode page = json.readTree(payload);
            page.path("items").forEach(item -> acc.add(new LabelSheet.Label(
                    item.get("gtin").asString() + "  " + item.get("serial").asString(), uri(item))));
            if (acc.size() > MAX_SHEET) {
                return Mono.error(new com.serialtrust.api.problem.ApiProblem("LIMIT_EXCEEDED",
                        "a label sheet holds at most " + MAX_SHEET + " labels"));
            }
            final String next = page.path("bookmark").asString("");
            return next.isEmpty() || page.path("items").isEmpty() ? Mono.just(acc) : page(as, gtin, lot, next, acc);
        });
    }

    private static Optional<String> optional(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asString()) : Optional.empty();
    }
}
