package com.serialtrust.api.ledger;

import com.serialtrust.contract.Call;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final MeterRegistry meters;

    Chaincode(final Ledger ledger, final JsonMapper json, final MeterRegistry meters) {
        this.ledger = ledger;
        this.json = json;
        this.meters = meters;
    }

    /** A query's result, read as the type its call names. */
    public <R> Mono<R> query(final Organisation as, final Call<R> call) {
        return counted(call, ledger.evaluate(as, call.transaction(), call.args(), call.transientData())
                .map(payload -> read(payload, call)));
    }

    /** A committed write: the contract's result, its transaction id and its block. */
    public <R> Mono<Written<R>> submit(final Organisation as, final Call<R> call) {
        final Mono<Ledger.Committed> committed = call.callersOwnSecrets()
                ? ledger.submitOwnSecrets(as, call.transaction(), call.args(), call.transientData())
                : ledger.submit(as, call.transaction(), call.args(), call.transientData());
        return counted(call, committed.map(done -> new Written<>(read(done.payload(), call), done.txId(), done.block())));
    }

    /**
     * Counts each call by transaction and outcome ({@code serialtrust.ledger.calls}: ok, refused by a rule,
     * ledger unavailable, ledger failed), so that operators see refusals and outages as they happen.
     */
    private <T> Mono<T> counted(final Call<?> call, final Mono<T> result) {
        return result.doOnSuccess(ok -> count(call, "ok")).doOnError(e -> count(call,
                e instanceof LedgerRefusal ? "refused" : e instanceof LedgerUnavailableException ? "unavailable" : "failed"));
    }

    private void count(final Call<?> call, final String outcome) {
        meters.counter("serialtrust.ledger.calls", "transaction", call.transaction().function(), "outcome", outcome).increment();
    }

    private <R> R read(final byte[] payload, final Call<R> call) {
        return json.readValue(payload.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : payload,
                call.result());
    }
}
