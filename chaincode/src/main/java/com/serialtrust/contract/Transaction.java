package com.serialtrust.contract;

import java.util.Locale;

/**
 * Every transaction of the SerialTrust contract, with its intent: the one list that the api's typed
 * client and the chaincode share. A constant's {@link #function() function} is the contract method's
 * name, as Fabric routes it ({@code REGISTER_ITEMS} is {@code RegisterItems}); the chaincode's tests
 * hold the two lists equal, so a transaction is added, renamed or removed in one place and the compiler
 * finds every caller.
 */
public enum Transaction {

    // --- governance
    BOOTSTRAP_AUTHORITY(Intent.SUBMIT),
    GRANT_ROLE(Intent.SUBMIT),
    REVOKE_ROLE(Intent.SUBMIT),
    ASSIGN_PREFIX(Intent.SUBMIT),
    WITHDRAW_PREFIX(Intent.SUBMIT),
    GET_ORGANISATION(Intent.EVALUATE),
    // --- manufacturer keys
    REGISTER_KEY(Intent.SUBMIT),
    ROTATE_KEY(Intent.SUBMIT),
    REVOKE_KEY(Intent.SUBMIT),
    DECLARE_KEY_COMPROMISED(Intent.SUBMIT),
    GET_KEY(Intent.EVALUATE),
    LIST_KEYS(Intent.EVALUATE),
    // --- product models and items
    REGISTER_PRODUCT(Intent.SUBMIT),
    GET_PRODUCT(Intent.EVALUATE),
    SET_PRODUCT_LINKS(Intent.SUBMIT),
    GET_PRODUCT_LINKS(Intent.EVALUATE),
    REGISTER_ITEMS(Intent.SUBMIT),
    VALIDATE_ITEMS(Intent.EVALUATE),
    GET_ITEM(Intent.EVALUATE),
    GET_LABELS(Intent.EVALUATE),
    // --- custody and ownership
    SHIP_ITEMS(Intent.SUBMIT),
    RECEIVE_ITEMS(Intent.SUBMIT),
    SELL_ITEM(Intent.SUBMIT),
    RETURN_ITEM(Intent.SUBMIT),
    CLAIM_OWNERSHIP(Intent.SUBMIT),
    TRANSFER_OWNERSHIP(Intent.SUBMIT),
    DECOMMISSION_ITEM(Intent.SUBMIT),
    LINK_COMPONENTS(Intent.SUBMIT),
    // --- theft
    REPORT_THEFT(Intent.SUBMIT),
    FLAG_STOLEN(Intent.SUBMIT),
    CLEAR_THEFT(Intent.SUBMIT),
    GET_THEFT_REPORT(Intent.EVALUATE),
    GET_THEFT_REPORTS(Intent.EVALUATE),
    LIST_STOLEN_ITEMS(Intent.EVALUATE),
    // --- recall
    ISSUE_RECALL(Intent.SUBMIT),
    WITHDRAW_RECALL(Intent.SUBMIT),
    GET_RECALL(Intent.EVALUATE),
    LIST_RECALLS(Intent.EVALUATE),
    LIST_ITEM_RECALLS(Intent.EVALUATE),
    // --- warranty and service
    RECORD_SERVICE(Intent.SUBMIT),
    VOID_WARRANTY(Intent.SUBMIT),
    GET_WARRANTY(Intent.EVALUATE),
    // --- owner contact (private data)
    SET_OWNER_CONTACT(Intent.SUBMIT),
    GET_OWNER_CONTACT(Intent.EVALUATE),
    // --- queries
    VERIFY(Intent.EVALUATE),
    GET_ITEM_HISTORY(Intent.EVALUATE),
    LIST_ITEMS_BY_LOT(Intent.EVALUATE),
    LIST_ITEMS_CONTAINING(Intent.EVALUATE),
    LIST_COMPONENTS(Intent.EVALUATE),
    CHECK_SERIALS(Intent.EVALUATE),
    SUGGEST_SERIALS(Intent.EVALUATE),
    FIND_CLOSE_SERIALS(Intent.EVALUATE),
    // --- operations
    AUDIT_STATE(Intent.EVALUATE);

    /** Whether a transaction writes (submitted: endorsed, ordered, committed) or only reads (evaluated). */
    public enum Intent {
        SUBMIT,
        EVALUATE
    }

    private final Intent intent;
    private final String function;

    Transaction(final Intent intent) {
        this.intent = intent;
        final StringBuilder pascal = new StringBuilder();
        for (String word : name().split("_")) {
            pascal.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        this.function = pascal.toString();
    }

    /** The contract method's name: what a proposal names. */
    public String function() {
        return function;
    }

    public Intent intent() {
        return intent;
    }

    /** Whether this transaction writes to the ledger. */
    public boolean writes() {
        return intent == Intent.SUBMIT;
    }
}
