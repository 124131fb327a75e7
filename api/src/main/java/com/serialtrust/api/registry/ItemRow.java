package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.contract.BatchCheck;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.Registered;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Organisation;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * One item to register, as a CSV row or a JSON element: GTIN and serial, optional lot, dates and
 * variant, and the brand's signature (which the api makes when it holds the brand's key).
 */
@Schema(description = "One item to register; the api signs it when it holds the brand's key and signature is left out", example = "{\"gtin\":\"09520123456788\",\"serial\":\"EXAMPLE-0001\",\"lot\":\"L2026-11\"}")
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

    /** The item as the ledger knows it: its GTIN in 14 digits (8, 12 and 13 name the same), and its serial. */
    static String key(final ItemRow item) {
        try {
            return com.serialtrust.gs1.Gtin.parse(item.gtin()).value() + "/" + item.serial();
        } catch (com.serialtrust.gs1.InvalidIdentifierException e) {
            return item.gtin() + "/" + item.serial();
        }
    }

    ItemRow signed(final String sig) {
        return new ItemRow(gtin, serial, cpv, lot, productionDate, expiryDate, Optional.of(sig));
    }

    /** The element of a RegisterItems batch: everything but the signature, which travels apart (see {@link #submission}). */
    ItemInput toInput() {
        return new ItemInput(gtin, serial, cpv, lot, productionDate, expiryDate, Optional.empty(), Optional.empty());
    }

    /**
     * RegisterItems of signed rows, as the contract takes it: the items as its argument, which every
     * block keeps, and their signatures apart, as the transient data that only the brand's own peers keep.
     */
    public static Mono<Written<Registered>> submission(final Chaincode chaincode, final Organisation as,
            final List<ItemRow> rows) {
        return chaincode.submit(as, Calls.registerItems(inputs(rows), signatures(rows)));
    }

    /** What the contract would refuse of these signed rows, by index, written nowhere ({@code ValidateItems}). */
    static Mono<BatchCheck> validation(final Chaincode chaincode, final Organisation as, final List<ItemRow> rows) {
        return chaincode.query(as, Calls.validateItems(inputs(rows), signatures(rows)));
    }

    private static List<ItemInput> inputs(final List<ItemRow> rows) {
        return rows.stream().map(ItemRow::toInput).toList();
    }

    private static List<String> signatures(final List<ItemRow> rows) {
        return rows.stream().map(r -> r.signature().orElseThrow(
                () -> new IllegalArgumentException("a row to register carries its signature"))).toList();
    }
}
