package com.serialtrust.api.history;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.HistoryEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What an item's EPCIS events are made of: its ledger history, and the recalls in force of its GTIN. */
@Component
class ItemEvents {

    /** An item's history and the recalls of its GTIN, read as one organisation. */
    record Recorded(List<HistoryEntry> history, List<Recall> recalls) {}

    private final Chaincode chaincode;

    ItemEvents(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    /** The item as its last version left it (a history may end with its deletion, which holds none). */
    static Optional<Item> latest(final List<HistoryEntry> history) {
        return history.stream().flatMap(entry -> entry.item().stream()).reduce((first, last) -> last);
    }

    /** The item's record as {@code as} may read it: ITEM_NOT_FOUND for an item the ledger does not know. */
    Mono<Recorded> of(final Organisation as, final ItemRef item) {
        return chaincode.query(as, Calls.getItemHistory(item))
                .flatMap(history -> latest(history)
                        .map(latest -> chaincode.query(as, Calls.listRecalls(latest.gtin())))
                        .orElseGet(() -> Mono.just(List.of()))
                        .map(recalls -> new Recorded(history, recalls)));
    }
}
