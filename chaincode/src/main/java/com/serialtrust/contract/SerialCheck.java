package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** A police check of one serial: what the ledger knows of each item with it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SerialCheck(Optional<String> gtin, String serial) {
    public SerialCheck {
        gtin = gtin == null ? Optional.empty() : gtin;
    }
}
