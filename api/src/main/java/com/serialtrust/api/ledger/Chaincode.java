package com.serialtrust.api.ledger;

import com.serialtrust.contract.Call;
import com.serialtrust.contract.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api's typed client of the contract: it runs a {@link Call} built by {@link com.serialtrust.contract.Calls}
 * and reads the result as the call's type. Queries answer the result; writes answer it with their proof.
 */
@Component
public class Chaincode {

    /** How a call ended, as {@code serialtrust.ledger.calls} counts it. */
    private enum Outcome { OK, REFUSED, UNAVAILABLE, FAILED }

    private final Ledger ledger;
    private final JsonMapper json;
    /** One counter per transaction and outcome, made once: no registry lookup on the verification path. */
    private final Map<Transaction, Counter[]> calls = new EnumMap<>(Transaction.class);

    Chaincode(final Ledger ledger, final JsonMapper json, final MeterRegistry meters) {
        this.ledger = ledger;
        this.json = json;
        for (Transaction transaction : Transaction.values()) {
            final Counter[] byOutcome = new Counter[Outcome.values().length];
            for (Outcome outcome : Outcome.values()) {
                byOutcome[outcome.ordinal()] = meters.counter("serialtrust.ledger.calls", "transaction", transaction.function(),
                        "outcome", outcome.name().toLowerCase(Locale.ROOT));
            }
            calls.put(transaction, byOutcome);
        }
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
        return result.doOnSuccess(ok -> count(call, Outcome.OK)).doOnError(e -> count(call,
                e instanceof LedgerRefusal ? Outcome.REFUSED
                        : e instanceof LedgerUnavailableException ? Outcome.UNAVAILABLE : Outcome.FAILED));
    }

    private void count(final Call<?> call, final Outcome outcome) {
        calls.get(call.transaction())[outcome.ordinal()].increment();
    }

    private <R> R read(final byte[] payload, final Call<R> call) {
        return json.readValue(payload.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : payload,
                call.result());
    }
}
