package com.serialtrust.chaincode;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Every reason the contract refuses a transaction. The code travels in the exception's payload
 * as {@code {"code":"...","message":"..."}} (plus {@code "index"} for a batch item), so that a client
 * can map it to one problem type whichever ledger runs underneath.
 */
public enum ErrorCode {
    INVALID_ARGUMENT,
    LIMIT_EXCEEDED,
    GTIN_INVALID,
    SERIAL_INVALID,
    LOT_INVALID,
    DATE_INVALID,
    PREFIX_INVALID,
    NOT_AUTHORISED,
    BOOTSTRAP_REFUSED,
    ALREADY_BOOTSTRAPPED,
    ORGANISATION_NOT_FOUND,
    PREFIX_TAKEN,
    GTIN_NOT_UNDER_PREFIX,
    KEY_INVALID,
    KEY_EXISTS,
    KEY_NOT_FOUND,
    KEY_NOT_ACTIVE,
    PRODUCT_EXISTS,
    PRODUCT_NOT_FOUND,
    ITEM_EXISTS,
    ITEM_DUPLICATE_IN_BATCH,
    ITEM_NOT_FOUND,
    SIGNATURE_INVALID,
    SIGNATURE_MALFORMED,
    NOT_CUSTODIAN,
    ILLEGAL_TRANSITION,
    ITEM_STOLEN,
    ITEM_NOT_STOLEN,
    ITEM_RECALLED,
    ITEM_ASSEMBLED,
    ASSEMBLY_INVALID,
    COMMITMENT_INVALID,
    OWNER_PROOF_INVALID,
    RECALL_SCOPE_INVALID,
    RECALL_NOT_FOUND,
    WARRANTY_ALREADY_VOID,
    CONTACT_NOT_FOUND,
    /** A search asked of a peer, which keeps no search index (an api's read model does). */
    SEARCH_INDEX_UNAVAILABLE;

    /** A refusal with this code. */
    public ChaincodeException failure(final String message) {
        return build(message, null);
    }

    /** A refusal of one item of a batch, naming its zero-based index. */
    public ChaincodeException failureAt(final int index, final String message) {
        return build("item " + index + ": " + message, index);
    }

    private ChaincodeException build(final String message, final Integer index) {
        final Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", name());
        if (index != null) {
            payload.put("index", index);
        }
        payload.put("message", message);
        return new ChaincodeException(name() + ": " + message, Json.bytes(payload));
    }
}
