package com.serialtrust.api.qr;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Digital Link that goes on an item's label: its identifiers and its registered signature, for its manufacturer. */
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

    /** The label URI of a registered item, read from the ledger as {@code as}: its manufacturer alone may. */
    public Mono<String> uri(final Organisation as, final String gtin, final String serial) {
        final ElementString requested = ElementString.of(Gtin.parse(gtin), serial);
        return labels(as, List.of(Map.of("gtin", requested.gtin().value(), "serial", requested.serial())))
                .map(found -> uri(found.get(0)));
    }

    /**
     * Labels of items, from the contract's GetLabels: the signature is in no public state, only in the
     * brand's own private collection, and the contract hands it to the item's manufacturer alone.
     */
    private Mono<JsonNode> labels(final Organisation as, final List<Map<String, String>> refs) {
        return ledger.evaluate(as, "GetLabels", List.of(json.writeValueAsString(refs))).map(json::readTree);
    }

    /** A label's link: the element string the brand signed, and its signature. */
    private String uri(final JsonNode label) {
        return new DigitalLink(ElementString.parse(label.get("elementString").asString()),
                Optional.of(label.get("signature").asString())).toUri(properties.resolverBase());
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
            final List<Map<String, String>> refs = new java.util.ArrayList<>();
            page.path("items").forEach(item -> refs.add(Map.of("gtin", item.get("gtin").asString(),
                    "serial", item.get("serial").asString())));
            if (acc.size() + refs.size() > MAX_SHEET) {
                return Mono.error(new com.serialtrust.api.problem.ApiProblem("LIMIT_EXCEEDED",
                        "a label sheet holds at most " + MAX_SHEET + " labels"));
            }
            final String next = page.path("bookmark").asString("");
            final Mono<java.util.List<LabelSheet.Label>> withPage = refs.isEmpty() ? Mono.just(acc)
                    : labels(as, refs).map(found -> {
                        found.forEach(label -> acc.add(new LabelSheet.Label(
                                label.get("gtin").asString(), label.get("serial").asString(), uri(label))));
                        return acc;
                    });
            return next.isEmpty() || refs.isEmpty() ? withPage : withPage.flatMap(done -> page(as, gtin, lot, next, done));
        });
    }
}
