package com.serialtrust.api.theft;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.CloseMatches;
import com.serialtrust.contract.ItemTheft;
import com.serialtrust.contract.PoliceTheftView;
import com.serialtrust.contract.SerialCheckResult;
import com.serialtrust.contract.SerialMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The private details (place, police report number) of the stolen items a police search found. A
 * search reads public state only, so that the api's read model can answer it; the details are private
 * data, which only a peer holds, so they are asked for in one more query, of the items found stolen.
 */
final class PoliceDetails {

    /** As many items as the contract's {@code GetTheftReports} takes in one call. */
    static final int PER_CALL = 1000;

    private PoliceDetails() {}

    /** The checks' stolen matches with their details; a manufacturer's check (no theft in it) unchanged. */
    static Mono<List<SerialCheckResult>> of(final Chaincode chaincode, final Organisation police,
            final List<SerialCheckResult> results) {
        final List<SerialMatch> all = results.stream().flatMap(r -> r.matches().stream()).toList();
        return details(chaincode, police, all).map(found -> results.stream().map(r -> new SerialCheckResult(r.serial(),
                with(found, r.matches()), r.error())).toList());
    }

    /** The close matches' stolen items with their details. */
    static Mono<CloseMatches> of(final Chaincode chaincode, final Organisation police, final CloseMatches close) {
        return details(chaincode, police, close.matches()).map(found -> new CloseMatches(close.serial(), close.normalised(),
                with(found, close.matches()), close.truncated()));
    }

    private static Mono<Map<ItemRef, PoliceTheftView>> details(final Chaincode chaincode, final Organisation police,
            final List<SerialMatch> matches) {
        final List<ItemRef> stolen = matches.stream().filter(m -> m.stolen() && m.theft().isPresent())
                .map(SerialMatch::item).distinct().toList();
        if (stolen.isEmpty()) {
            return Mono.just(Map.of());
        }
        final int calls = (stolen.size() + PER_CALL - 1) / PER_CALL;
        return Flux.range(0, calls)
                .concatMap(i -> chaincode.query(police, Calls.getTheftReports(
                        stolen.subList(i * PER_CALL, Math.min(stolen.size(), (i + 1) * PER_CALL)))))
                .collect(HashMap<ItemRef, PoliceTheftView>::new, (map, reports) -> {
                    for (ItemTheft report : reports) {
                        map.put(report.item(), report.theft());
                    }
                });
    }

    /**
     * Each match with its item's details where there are some. An item cleared between the search and
     * this call keeps the search's public report: it was stolen when it was found.
     */
    private static List<SerialMatch> with(final Map<ItemRef, PoliceTheftView> details, final List<SerialMatch> matches) {
        return matches.stream().map(m -> Optional.ofNullable(details.get(m.item()))
                .map(d -> new SerialMatch(m.item(), m.status(), m.stolen(), Optional.of(d), m.manufacturer(), m.distance()))
                .orElse(m)).toList();
    }
}
