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

    /** The label URI of an item as the ledger returns it. */
    public String uri(final JsonNode item) {
        final ElementString element = new ElementString(Gtin.parse(item.get("gtin").asString()),
                item.get("serial").asString(), optional(item, "cpv"), optional(item, "lot"),
                optional(item, "productionDate"), optional(item, "expiryDate"));
        return new DigitalLink(element, optional(item, "signature")).toUri(properties.resolverBase());
    }

    private static Optional<String> optional(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asString()) : Optional.empty();
    }
}
