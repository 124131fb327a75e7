package com.serialtrust.chaincode;

/** Where an item is in its life. STOLEN and RECALLED are flags beside it, not states. */
public enum ItemStatus {
    /** Registered by its manufacturer, in the manufacturer's custody. */
    REGISTERED,
    /** Shipped to an organisation that has not yet received it. */
    IN_TRANSIT,
    /** Received by an organisation and held in stock. */
    IN_STOCK,
    /** Sold: a consumer owns it, proven by a secret whose commitment the ledger holds. */
    SOLD,
    /** Taken back from its owner by a retailer. */
    RETURNED,
    /** Destroyed or written off. Final. */
    DECOMMISSIONED;

    /** Whether an organisation holds the item and may ship, sell or decommission it. */
    boolean heldByOrganisation() {
        return this == REGISTERED || this == IN_STOCK || this == RETURNED;
    }
}
