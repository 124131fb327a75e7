package com.serialtrust.api.ledger;

/** The ledger could not be reached or did not answer in time; the caller may retry later. */
public final class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
