package com.serialtrust.api.history;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.gs1.ProductLink;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS 2.0 events for staff, in the shape of the standard's REST binding ({@code GET /events} with
 * SimpleEventQuery parameters, answered with an EPCISQueryDocument), so that EPCIS tools read SerialTrust:
 * the events of some items or of a lot, narrowed by time window, business step, disposition and type.
 * Each item's events are those of its export, read as the caller, so the contract decides who reads them.
 */
@RestController
class EpcisQueryController {

    /** The most items of a lot one query reads, and the most events one answer holds. */
    static final int MAX_LOT_ITEMS = 1000;
    static final int MAX_EVENTS = 10_000;

    private final Chaincode chaincode;
    private final ItemEvents items;
    private final Epcis epcis;

    EpcisQueryController(final Chaincode chaincode, final ItemEvents items, final Epcis epcis) {
        this.chaincode = chaincode;
        this.items = items;
        this.epcis = epcis;
    }

    @GetMapping(path = "/api/epcis/events", produces = {"application/ld+json", "application/json"})
    Mono<ResponseEntity<ObjectNode>> events(@AuthenticationPrincipal final ApiKeys.Holder caller, final ServerHttpRequest request) {
        return Mono.fromCallable(() -> EventQuery.of(request.getQueryParams()))
                .flatMap(query -> items(caller.organisation(), query)
                        .concatMap(item -> events(caller.organisation(), item).filter(query::matches))
                        .take(MAX_EVENTS + 1L).collectList())
                .map(found -> {
                    if (found.size() > MAX_EVENTS) {
                        throw new ApiProblem(ApiError.QUERY_TOO_LARGE, "more than " + MAX_EVENTS
                                + " events match: narrow the query by time (GE_eventTime, LT_eventTime) or by item");
                    }
                    found.sort(java.util.Comparator.comparing(Epcis::time));
                    return ResponseEntity.ok().header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", "2.0.0")
                            .body(epcis.queryDocument("SimpleEventQuery", found));
                });
    }

    private Flux<ItemRef> items(final Organisation as, final EventQuery query) {
        if (query.lot().isEmpty()) {
            return Flux.fromIterable(query.items());
        }
        final ProductLink lot = query.lot().get();
        return chaincode.query(as, Calls.listItemsByLot(lot.gtin().value(), lot.lot().orElseThrow(), MAX_LOT_ITEMS, ""))
                .flatMapMany(page -> {
                    if (!page.bookmark().isEmpty()) {
                        throw new ApiProblem(ApiError.QUERY_TOO_LARGE, "lot " + lot.lot().get() + " holds more than "
                                + MAX_LOT_ITEMS + " items: query its items by MATCH_epc");
                    }
                    return Flux.fromIterable(page.items()).filter(item -> lot.cpv().isEmpty() || item.cpv().equals(lot.cpv()))
                            .map(Item::ref);
                });
    }

    /** An item's events; none for an item the ledger does not know, as an EPCIS repository answers. */
    private Flux<ObjectNode> events(final Organisation as, final ItemRef item) {
        return items.of(as, item).flatMapIterable(r -> epcis.events(r.history(), r.recalls()))
                .onErrorResume(LedgerRefusal.class, refusal -> refusal.is(ErrorCode.ITEM_NOT_FOUND) ? Flux.empty() : Flux.error(refusal));
    }

}
