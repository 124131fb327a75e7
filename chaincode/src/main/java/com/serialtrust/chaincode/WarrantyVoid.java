package com.serialtrust.chaincode;

import java.time.Instant;
import java.util.Objects;

/** A voided warranty: when, by which organisation, and why. */
public record WarrantyVoid(Instant at, String mspId, String reason) {

    public WarrantyVoid {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(reason, "reason");
    }
}
