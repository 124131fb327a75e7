package com.serialtrust.chaincode;

/** What the consortium authority allows an organisation to do. */
public enum Role {
    AUTHORITY,
    MANUFACTURER,
    DISTRIBUTOR,
    RETAILER,
    SERVICE,
    POLICE
}
