package com.serialtrust.crypto;

/** Thrown when a public key cannot be parsed or is not a P-256 key. */
public final class InvalidKeyException extends IllegalArgumentException {

    public InvalidKeyException(final String message) {
        super(message);
    }
}
