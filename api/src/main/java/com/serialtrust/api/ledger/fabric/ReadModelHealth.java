package com.serialtrust.api.ledger.fabric;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The read model: UP while it answers queries or catches up; DEGRADED (answered 200, so no load
 * balancer takes the api out: the peer answers instead) once a block broke its hash chain.
 */
final class ReadModelHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "queries go to the peer");

    private final FabricLedger ledger;

    ReadModelHealth(final FabricLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        final ReadSide.Status status = ledger.readModelStatus();
        final Health.Builder health = status.fault().isPresent() ? Health.status(DEGRADED) : Health.up();
        health.withDetail("answersQueries", status.serving())
                .withDetail("block", status.height())
                .withDetail("peerBlockAtConnect", status.peerHeight())
                .withDetail("hashChain", status.fault().isPresent() ? "broken" : "intact")
                .withDetail("queriesAnsweredHere", status.answeredHere())
                .withDetail("queriesSentToThePeer", status.sentToPeer());
        status.fault().ifPresent(f -> health.withDetail("fault", f));
        if (!status.enabled()) {
            health.withDetail("note", "serialtrust.fabric.read-model.serve is false: every query goes to the peer");
        }
        return health.build();
    }
}
