package com.serialtrust.api.ledger;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The contract's transactions as JSON, for the feature controllers: queries, and writes with their proof. */
@Component
public class Chaincode {

    private final Ledger ledger;
    private final JsonMapper json;

    Chaincode(final Ledger ledger, final JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** A query's JSON result. */
    public Mono<JsonNode> query(final Organisation as, final String function, final String... args) {
        return ledger.evaluate(as, function, List.of(args)).map(json::readTree);
    }

    /** A committed write: {@code {"result": ..., "txId": ..., "block": ...}}. */
    public Mono<ObjectNode> submit(final Organisation as, final Map<String, byte[]> transientData, final String function,
            final String... args) {
        return ledger.submit(as, function, List.of(args), transientData).map(done -> {
            final ObjectNode out = json.createObjectNode();
            out.set("result", done.payload().length == 0 ? json.createObjectNode() : json.readTree(done.payload()));
            out.put("txId", done.txId());
            out.put("block", done.block());
            return out;
        });
    }

    public Mono<ObjectNode> submit(final Organisation as, final String function, final String... args) {
        return submit(as, Map.of(), function, args);
    }

    /** JSON text of a value, for transaction arguments that are JSON. */
    public String text(final Object value) {
        return json.writeValueAsString(value);
    }
}
