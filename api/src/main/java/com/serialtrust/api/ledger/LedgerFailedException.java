package com.serialtrust.api.ledger;

/**
 * The ledger answered, but the contract failed without a refusal code: a bug, not bad input and not
 * an outage. Retrying will not help; the failure is logged for the team.
 */
public final class LedgerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
