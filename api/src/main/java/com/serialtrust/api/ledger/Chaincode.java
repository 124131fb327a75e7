package com.serialtrust.api.ledger;

import com.serialtrust.contract.Call;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api's typed client of the contract: it runs a {@link Call} built by {@link com.serialtrust.contract.Calls}
 * and reads the result as the call's type. Queries answer the result; writes answer it with their proof.
 */
@Component
public class Chaincode {

    private final Ledger ledger;
    private final JsonMapper json;

    Chaincode(final Ledger ledger, final JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** A query's result, read as the type its call names. */
    public <R> Mono<R> query(final Organisation as, final Call<R> call) {
        return ledger.evaluate(as, call.transaction(), call.args()).map(payload -> read(payload, call));
    }

    /** A committed write: the contract's result, its transaction id and its block. */
    public <R> Mono<Written<R>> submit(final Organisation as, final Call<R> call) {
        final Mono<Ledger.Committed> committed = call.callersOwnSecrets()
                ? ledger.submitOwnSecrets(as, call.transaction(), call.args(), call.transientData())
                : ledger.submit(as, call.transaction(), call.args(), call.transientData());
        return committed.map(done -> new Written<>(read(done.payload(), call), done.txId(), done.block()));
    }

    private <R> R read(final byte[] payload, final Call<R> call) {
        return json.readValue(payload.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : payload,
                call.result());
    }

    /** JSON text of a value, for transaction arguments that are JSON. */
    public String text(final Object value) {
        return json.writeValueAsString(value);
    }
}
