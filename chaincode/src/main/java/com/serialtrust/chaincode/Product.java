package com.serialtrust.chaincode;

import com.serialtrust.gs1.SerialScheme;
import java.time.Instant;
import java.util.Objects;

/** A product model: the GTIN a manufacturer sells under, its warranty and its serial scheme. */
public record Product(
        String gtin, String mspId, String name, int warrantyMonths, SerialScheme scheme, Instant registeredAt) {

    public Product {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
