package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** One item of a batch, as the manufacturer submits it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ItemInput(
        String gtin,
        String serial,
        Optional<String> cpv,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate,
        Optional<String> signature,
        Optional<String> keyId) {

    /** The transient field that carries a batch's signatures: a JSON array, one per item, in batch order. */
    public static final String SIGNATURES_FIELD = "signatures";

    public ItemInput {
        cpv = cpv == null ? Optional.empty() : cpv;
        lot = lot == null ? Optional.empty() : lot;
        productionDate = productionDate == null ? Optional.empty() : productionDate;
        expiryDate = expiryDate == null ? Optional.empty() : expiryDate;
        keyId = keyId == null ? Optional.empty() : keyId;
        signature = signature == null ? Optional.empty() : signature;
    }
}
