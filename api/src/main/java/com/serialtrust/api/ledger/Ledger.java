package com.serialtrust.api.ledger;

import com.serialtrust.contract.Transaction;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one port to the ledger. Two adapters implement it: the Fabric Gateway, and the embedded ledger
 * that runs the same chaincode in-process. Nothing outside this package sees Fabric's classes.
 *
 * <p>Every call names the organisation it acts for; the adapter signs with that organisation's
 * identity. A refusal by the chaincode arrives as {@link LedgerRefusal}, an unreachable ledger as
 * {@link LedgerUnavailableException}. A query of a writing transaction, or a submit of a query, is a
 * programming error: {@link #checked} refuses it.
 */
public interface Ledger {

    /** Runs a query on the ledger; nothing is written. */
    default Mono<byte[]> evaluate(Organisation as, Transaction transaction, List<String> args) {
        return evaluate(as, transaction, args, Map.of());
    }

    /** Runs a query with transient data beside its arguments (its own organisation's peer sees it; no block keeps it). */
    Mono<byte[]> evaluate(Organisation as, Transaction transaction, List<String> args, Map<String, byte[]> transientData);

    /** Endorses, orders and commits a transaction; completes once it is committed. */
    Mono<Committed> submit(Organisation as, Transaction transaction, List<String> args, Map<String, byte[]> transientData);

    /**
     * Like {@link #submit}, for transient data that only the caller's own organisation may keep, in its
     * implicit private collection (a brand's label signatures). Fabric's gateway sends such data to no
     * organisation outside the collection unless the client names the endorsers; the adapter names the
     * caller's organisation and the one other that the endorsement policy needs, which sees the data
     * while it endorses and stores none of it.
     */
    Mono<Committed> submitOwnSecrets(Organisation as, Transaction transaction, List<String> args, Map<String, byte[]> secrets);

    /** The number of the block that holds a committed transaction. */
    Mono<Long> blockOf(String txId);

    /** Every committed chaincode event, from the moment of subscription on. */
    Flux<LedgerEvent> events();

    /** "embedded" or "fabric", as health and metrics report it. */
    String kind();

    /** A committed transaction: its id, its block and what the chaincode returned. */
    record Committed(String txId, long block, byte[] payload) {}

    /** A chaincode event as committed: its name, its JSON payload, and where it landed. */
    record LedgerEvent(String name, byte[] payload, String txId, long block) {}

    /** The transaction, when its intent is the one the caller uses it for. */
    static Transaction checked(final Transaction transaction, final Transaction.Intent as) {
        if (java.util.Objects.requireNonNull(transaction, "transaction").intent() != as) {
            throw new IllegalArgumentException(transaction.function() + " is not " + as.name().toLowerCase(java.util.Locale.ROOT) + "d");
        }
        return transaction;
    }
}
