package com.serialtrust.chaincode;

import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.InvalidIdentifierException;
import org.hyperledger.fabric.shim.ChaincodeException;

/** Maps identifier validation failures to the contract's error codes. */
final class Identifiers {

    private Identifiers() {}

    static ErrorCode code(final InvalidIdentifierException e) {
        return switch (e.reason()) {
            case GTIN_INVALID -> ErrorCode.GTIN_INVALID;
            case SERIAL_INVALID -> ErrorCode.SERIAL_INVALID;
            case LOT_INVALID -> ErrorCode.LOT_INVALID;
            case DATE_INVALID -> ErrorCode.DATE_INVALID;
            case DIGITAL_LINK_INVALID -> ErrorCode.INVALID_ARGUMENT;
        };
    }

    /** A bracketed element string as an argument, refused with the code of what is wrong in it. */
    static ElementString element(final String text) {
        try {
            return ElementString.parse(text == null ? "" : text);
        } catch (InvalidIdentifierException e) {
            throw refusal(e);
        }
    }

    static ChaincodeException refusal(final InvalidIdentifierException e) {
        return code(e).failure(e.getMessage());
    }

    static ChaincodeException refusalAt(final int index, final InvalidIdentifierException e) {
        return code(e).failureAt(index, e.getMessage());
    }
}
