package com.serialtrust.api.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One item to register, as a CSV row or a JSON element: GTIN and serial, optional lot, dates and
 * variant, and the brand's signature (which the api makes when it holds the brand's key).
 */
public record ItemRow(
        String gtin,
        String serial,
        Optional<String> cpv,
        Optional<String> lot,
        Optional<String> productionDate,
        Optional<String> expiryDate,
        Optional<String> signature) {

    public ItemRow {
        cpv = blankless(cpv);
        lot = blankless(lot);
        productionDate = blankless(productionDate);
        expiryDate = blankless(expiryDate);
        signature = blankless(signature);
    }

    private static Optional<String> blankless(final Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }

    ItemRow signed(final String sig) {
        return new ItemRow(gtin, serial, cpv, lot, productionDate, expiryDate, Optional.of(sig));
    }

    /** The element of a RegisterItems batch. */
    Map<String, Object> toChaincode() {
        final Map<String, Object> item = new LinkedHashMap<>();
        item.put("gtin", gtin);
        item.put("serial", serial);
        cpv.ifPresent(v -> item.put("cpv", v));
        lot.ifPresent(v -> item.put("lot", v));
        productionDate.ifPresent(v -> item.put("productionDate", v));
        expiryDate.ifPresent(v -> item.put("expiryDate", v));
        signature.ifPresent(v -> item.put("signature", v));
        return item;
    }
}
