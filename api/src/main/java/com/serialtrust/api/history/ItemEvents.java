package com.serialtrust.api.history;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.AppliedRecall;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.HistoryEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What an item's EPCIS events are made of: its ledger history, and every recall that covers it or a
 * component in it, withdrawn ones too, as the contract decides.
 */
@Component
class ItemEvents {

    /** An item's history and its recalls, read as one organisation. */
    record Recorded(List<HistoryEntry> history, List<AppliedRecall> recalls) {}

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
                        .map(latest -> chaincode.query(as, Calls.listItemRecalls(latest.ref())))
                        .orElseGet(() -> Mono.just(List.<AppliedRecall>of()))
                        .map(recalls -> new Recorded(history, recalls)));
    }
}
