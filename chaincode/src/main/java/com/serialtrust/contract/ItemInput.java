package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
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

    /** An empty value is no value: a spreadsheet's blank cell, or {@code ""} in JSON, names no lot. */
    public ItemInput {
        cpv = given(cpv);
        lot = given(lot);
        productionDate = given(productionDate);
        expiryDate = given(expiryDate);
        keyId = given(keyId);
        signature = given(signature);
    }

    private static Optional<String> given(final Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isEmpty());
    }

    /**
     * The item's GS1 element string, the text its label signs.
     *
     * @throws InvalidIdentifierException where an identifier is malformed, with the rule's code
     */
    public ElementString element() {
        return new ElementString(Gtin.parse(gtin), serial, cpv, lot, productionDate, expiryDate);
    }

    /** Signed with {@code value} by the key {@code by}, unless the item names its key already. */
    public ItemInput signedWith(final String value, final Optional<String> by) {
        return new ItemInput(gtin, serial, cpv, lot, productionDate, expiryDate, Optional.of(value), keyId.or(() -> by));
    }

    /** As a batch's argument carries it: the signature travels apart, in the transient {@link #SIGNATURES_FIELD}. */
    public ItemInput unsigned() {
        return new ItemInput(gtin, serial, cpv, lot, productionDate, expiryDate, Optional.empty(), keyId);
    }
}
