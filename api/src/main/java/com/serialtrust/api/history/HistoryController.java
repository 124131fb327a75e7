package com.serialtrust.api.history;

import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.HistoryEntry;
import java.util.List;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.security.ApiKeys;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** An item's history: its ledger timeline, and the same as a GS1 EPCIS 2.0 document. */
@RestController
class HistoryController {

    private final Chaincode chaincode;
    private final Epcis epcis;
    private final ItemEvents items;

    HistoryController(final Chaincode chaincode, final Epcis epcis, final ItemEvents items) {
        this.chaincode = chaincode;
        this.epcis = epcis;
        this.items = items;
    }

    @GetMapping("/api/items/{gtin}/{serial}/history")
    Mono<List<HistoryEntry>> timeline(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return chaincode.query(caller.organisation(), Calls.getItemHistory(new ItemRef(gtin, serial)));
    }

    @GetMapping(path = "/api/items/{gtin}/{serial}/history.epcis", produces = {"application/ld+json", "application/json"})
    Mono<ObjectNode> epcis(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return items.of(caller.organisation(), new ItemRef(gtin, serial)).map(r -> epcis.document(r.history(), r.recalls()));
    }
}
