package com.serialtrust.api.analytics;

import com.serialtrust.chaincode.Role;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A manufacturer's codes that look copied, and the manufacturer's clearing of one. */
@RestController
class SuspectController {

    /** A suspect code taken off the list: every later check reads it as its label says again. */
    record Cleared(String gtin, String serial, boolean cleared) {}

    private final ScanAnalytics analytics;
    private final LedgerRoles roles;
    private final Clock clock = Clock.systemUTC();

    SuspectController(final ScanAnalytics analytics, final LedgerRoles roles) {
        this.analytics = analytics;
        this.roles = roles;
    }

    @GetMapping("/api/suspects")
    Mono<List<ScanAnalytics.Suspect>> suspects(@AuthenticationPrincipal final ApiKeys.Holder caller) {
        // deferred: nothing of the brand's is asked of Redis before the ledger says the caller is that brand
        return manufacturer(caller).then(Mono.defer(() -> analytics.suspects(caller.organisation().mspId())))
                .defaultIfEmpty(List.of());
    }

    /** Clears a suspect code of the caller's: checks of it read GENUINE again, and its scans start anew. */
    @DeleteMapping("/api/suspects/{gtin}/{serial}")
    Mono<Cleared> clear(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        final ElementString item = ElementString.of(Gtin.parse(gtin), serial);
        return manufacturer(caller)
                .then(Mono.defer(() -> analytics.clear(caller.organisation().mspId(), item.gtin().value(), item.serial(),
                        clock.instant())))
                .switchIfEmpty(Mono.error(new ApiProblem(ApiError.ANALYTICS_UNAVAILABLE,
                        "the scan analytics cannot be reached now; try again shortly")))
                .flatMap(cleared -> cleared
                        ? Mono.just(new Cleared(item.gtin().value(), item.serial(), true))
                        : Mono.error(new ApiProblem(ApiError.SUSPECT_NOT_FOUND, item.gtin().value() + "/" + item.serial()
                                + " is not on your list of suspect codes")));
    }

    private Mono<Void> manufacturer(final ApiKeys.Holder caller) {
        return roles.require(caller.organisation(), Role.MANUFACTURER, "suspect codes are for their manufacturer");
    }
}
