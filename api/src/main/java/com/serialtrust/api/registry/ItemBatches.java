package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.contract.BatchCheck;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.Registered;
import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Signed items as the contract takes a batch: the items as its argument, which every block keeps, and
 * their signatures apart, as the transient data that only the brand's own peers keep.
 */
public final class ItemBatches {

    private ItemBatches() {}

    /** RegisterItems of signed items. */
    public static Mono<Written<Registered>> register(final Chaincode chaincode, final Organisation as,
            final List<ItemInput> items) {
        return chaincode.submit(as, Calls.registerItems(unsigned(items), signatures(items)));
    }

    /** What the contract would refuse of these signed items, by index, written nowhere ({@code ValidateItems}). */
    static Mono<BatchCheck> validation(final Chaincode chaincode, final Organisation as, final List<ItemInput> items) {
        return chaincode.query(as, Calls.validateItems(unsigned(items), signatures(items)));
    }

    /** The item as the ledger knows it: its GTIN in 14 digits (8, 12 and 13 name the same), and its serial. */
    static String key(final ItemInput item) {
        try {
            return Gtin.parse(item.gtin()).value() + "/" + item.serial();
        } catch (InvalidIdentifierException e) {
            return item.gtin() + "/" + item.serial();
        }
    }

    private static List<ItemInput> unsigned(final List<ItemInput> items) {
        return items.stream().map(ItemInput::unsigned).toList();
    }

    private static List<String> signatures(final List<ItemInput> items) {
        return items.stream().map(r -> r.signature().orElseThrow(
                () -> new IllegalArgumentException("an item to register carries its signature"))).toList();
    }
}
