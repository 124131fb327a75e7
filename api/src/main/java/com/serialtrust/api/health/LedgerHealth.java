package com.serialtrust.api.health;

import com.serialtrust.contract.Call;
import com.serialtrust.contract.Calls;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The ledger is up when it answers a query, even with a refusal: the contract ran. */
@Component("ledgerHealthIndicator")
class LedgerHealth implements ReactiveHealthIndicator {

    private final Ledger ledger;
    private final Organisation as;

    LedgerHealth(final Ledger ledger, final LedgerProperties orgs) {
        this.ledger = ledger;
        this.as = orgs.require(orgs.publicOrganisation());
    }

    @Override
    public Mono<Health> health() {
        final Call<?> probe = Calls.getOrganisation(as.mspId());
        return ledger.evaluate(as, probe.transaction(), probe.args())
                .map(ok -> Health.up().withDetail("kind", ledger.kind()).build())
                .onErrorResume(LedgerRefusal.class, e -> Mono.just(Health.up().withDetail("kind", ledger.kind()).build()))
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("kind", ledger.kind())
                        .withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
