package com.serialtrust.api.ledger.embedded;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.contract.Transaction;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.LedgerThreads;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.sqlite.InProcessContract;
import com.serialtrust.sim.SimIdentities;
import com.serialtrust.sim.SimIdentity;
import com.serialtrust.sim.SimLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The ledger in-process: the very chaincode classes that peers run, through Fabric's own contract
 * router, over a durable SQLite world state with a hash-chained block log. One organisation's
 * identity per name, issued at start; the authority's is an admin, as on a real network.
 */
public final class EmbeddedLedger implements Ledger, AutoCloseable {

    static final String CHANNEL = "serialtrust";

    private final SqliteWorldState state;
    private final SimLedger ledger;
    private final String authorityMspId;
    private final Map<String, SimIdentity> identities = new ConcurrentHashMap<>();
    private final Sinks.Many<LedgerEvent> events = Sinks.many().multicast().directBestEffort();
    private final LedgerThreads threads = new LedgerThreads("embedded-ledger", LedgerThreads.SQLITE_READERS);

    public EmbeddedLedger(final Path dataDir, final String authorityMspId, final Clock clock) {
        this.authorityMspId = Objects.requireNonNull(authorityMspId, "authorityMspId");
        this.state = new SqliteWorldState(Objects.requireNonNull(dataDir, "dataDir"));
        // the settings a peer's chaincode server would have, given to this ledger's contract alone
        this.ledger = new SimLedger(InProcessContract.of(authorityMspId), state, CHANNEL, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Mono<byte[]> evaluate(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> transientData) {
        final String function = Ledger.checked(transaction, Transaction.Intent.EVALUATE).function();
        // one snapshot: a commit between two of the query's reads would show it two blocks at once
        return threads.run(() -> outcome(state.snapshot(() -> ledger.evaluate(identity(as), transientData, function,
                        args.toArray(String[]::new)))).payload());
    }

    @Override
    public Mono<Committed> submit(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> transientData) {
        final String function = Ledger.checked(transaction, Transaction.Intent.SUBMIT).function();
        return threads.run(() -> {
            final SimLedger.Result result = outcome(ledger.submit(identity(as), transientData, function,
                    args.toArray(String[]::new)));
            final long block = result.block().orElseThrow();
            result.writes().event().ifPresent(e -> events.tryEmitNext(new LedgerEvent(e.name(), e.payload(), result.txId(), block)));
            return new Committed(result.txId(), block, result.payload());
        });
    }

    /** In-process there is no other organisation's peer: the secrets stay in this process either way. */
    @Override
    public Mono<Committed> submitOwnSecrets(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> secrets) {
        return submit(as, transaction, args, secrets);
    }

    @Override
    public Mono<Long> blockOf(final String txId) {
        return threads.run(() -> state.blockOf(txId).orElse(null));
    }

    @Override
    public Flux<LedgerEvent> events() {
        return events.asFlux();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    /** The number of the last block, or -1 for an empty ledger. */
    public long height() {
        return state.height();
    }

    private SimIdentity identity(final Organisation org) {
        return identities.computeIfAbsent(org.mspId(), msp -> SimIdentities.issue(msp,
                msp.equals(authorityMspId) ? "admin" : "client", org.name() + "-api"));
    }

    private static SimLedger.Result outcome(final SimLedger.Result result) {
        if (result.ok()) {
            return result;
        }
        // the batch index travels in the message too ("item N: ..."), as a peer relays it to the gateway
        throw LedgerRefusal.fromChaincode(result.message());
    }

    @Override
    public void close() {
        threads.dispose();
        state.close();
    }
}
