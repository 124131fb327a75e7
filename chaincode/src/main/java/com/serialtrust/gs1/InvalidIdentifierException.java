package com.serialtrust.gs1;

/** Thrown when a GS1 identifier, serial or Digital Link does not meet its specification. */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final Reason reason;

    /** What was wrong, as a stable code that callers map to their own error codes. */
    public enum Reason {
        GTIN_INVALID,
        SERIAL_INVALID,
        LOT_INVALID,
        DATE_INVALID,
        DIGITAL_LINK_INVALID
    }

    public InvalidIdentifierException(final Reason reason, final String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
