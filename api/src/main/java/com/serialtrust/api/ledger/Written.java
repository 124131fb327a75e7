package com.serialtrust.api.ledger;

import java.util.Objects;

/**
 * A committed write as the api answers it: what the contract returned, and where it landed.
 *
 * @param <R> the transaction's result
 */
public record Written<R>(R result, String txId, long block) {

    public Written {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(txId, "txId");
    }
}
