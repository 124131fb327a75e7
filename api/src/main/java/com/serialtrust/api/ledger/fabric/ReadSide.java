package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.Ledger.LedgerEvent;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.sqlite.InProcessContract;
import com.serialtrust.sim.SimIdentity;
import com.serialtrust.sim.SimLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.Chaincode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fabric ledger's read side: the {@link ReadModel}, the {@link BlockFollower} that feeds it, and
 * the contract that answers queries over it, with the rule of when it may answer at all.
 */
final class ReadSide implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSide.class);

    private final FabricProperties properties;
    private final ReadModel model;
    private final BlockFollower follower;
    private final Chaincode contract;
    private final Consumer<Duration> lag;
    private final AtomicLong ownLastBlock = new AtomicLong(-1);
    private final AtomicBoolean lagLogged = new AtomicBoolean();
    private final AtomicLong answeredHere = new AtomicLong();
    private final AtomicLong sentToPeer = new AtomicLong();

    ReadSide(final FabricProperties properties, final String authorityMspId, final Supplier<Connection> peer,
            final Consumer<LedgerEvent> events, final Consumer<Duration> lag) {
        this.properties = properties;
        this.lag = Objects.requireNonNull(lag, "lag");
        // the contract as the peers' chaincode servers run it, with the same settings
        this.contract = InProcessContract.of(authorityMspId);
        this.model = new ReadModel(Objects.requireNonNull(properties.readModel().dir(), "readModel.dir"));
        this.follower = new BlockFollower(model, peer, properties, events);
        follower.start();
    }

    /**
     * Whether queries may be answered from the read model: it is on, its hash chain holds, and it has
     * every block this api's own writes went into and every block the peer had when the follower last
     * connected to it (so never before the follower has asked).
     */
    boolean serving() {
        return healthy() && model.height() >= ownLastBlock.get();
    }

    /** On, its hash chain holding, and caught up with the peer once: it may answer, if not freshly. */
    private boolean healthy() {
        return properties.readModel().serve() && follower.fault().isEmpty() && follower.caughtUp();
    }

    /** The answer of the read model when it may give one and the query reads no private data; else empty, for the peer. */
    Optional<byte[]> answer(final SimIdentity caller, final String function, final List<String> args,
            final Map<String, byte[]> transientData) {
        final Optional<byte[]> answer = serving() ? evaluate(caller, function, args, transientData) : Optional.empty();
        (answer.isPresent() ? answeredHere : sentToPeer).incrementAndGet();
        return answer;
    }

    /**
     * The answer of the read model to a search the peer refused (a peer keeps no search index), when the
     * read model may give one though it is not fresh: it is on, its chain holds and it has caught up with
     * the peer once, but it may trail this api's last write by its lag. Never from a broken read model
     * or one still reading the chain: a search there would miss items it has not reached.
     */
    Optional<byte[]> search(final SimIdentity caller, final String function, final List<String> args,
            final Map<String, byte[]> transientData) {
        if (!healthy()) {
            return Optional.empty();
        }
        answeredHere.incrementAndGet();
        return evaluate(caller, function, args, transientData);
    }

    /** The contract's answer over the read model, unless the query read private data, which only the peer has. */
    Optional<byte[]> evaluate(final SimIdentity caller, final String function, final List<String> args,
            final Map<String, byte[]> transientData) {
        final PublicView view = new PublicView(model);
        final SimLedger.Result result = model.snapshot(() -> new SimLedger(contract, view, properties.channel(), Clock.systemUTC())
                .evaluate(caller, transientData, function, args.toArray(String[]::new)));
        if (view.askedForPrivateData()) {
            return Optional.empty();
        }
        if (!result.ok()) {
            throw LedgerRefusal.fromChaincode(result.message());
        }
        return Optional.of(result.payload());
    }

    /**
     * Holds a write's answer until its block is in the read model, so that the writer's next query sees
     * it there. Not while the read model is still catching up with the peer: queries go to the peer
     * until it has, and this write's block with the rest.
     */
    void written(final long block) {
        ownLastBlock.accumulateAndGet(block, Math::max);
        if (!properties.readModel().serve() || follower.fault().isPresent() || !follower.caughtUp()) {
            return;
        }
        try {
            final long committed = System.nanoTime();
            if (model.awaitHeight(block, properties.readModel().awaitWrite().toMillis())) {
                lag.accept(Duration.ofNanos(System.nanoTime() - committed));
            } else if (lagLogged.compareAndSet(false, true)) {
                LOG.warn("the read model has not reached block {} after {}; queries go to the peer until it does",
                        block, properties.readModel().awaitWrite());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The block of a transaction the read model has applied. */
    Optional<Long> blockOf(final String txId) {
        return model.blockOf(txId);
    }

    /** What the read model's health says: whether it answers queries, how far it has read, and why it stopped. */
    record Status(boolean enabled, boolean serving, long height, long peerHeight, Optional<String> fault,
            long answeredHere, long sentToPeer) {}

    Status status() {
        return new Status(properties.readModel().serve(), serving(), model.height(), follower.peerHeight(),
                follower.fault(), answeredHere.get(), sentToPeer.get());
    }

    /** Compares the read model with {@code peer}, key by key, once it has the peer's last block (it is given 30 s). */
    ReadModelAudit.Report audit(final Connection peer) throws InterruptedException {
        return ReadModelAudit.compare(model, peer, BlockFollower.lastBlockOn(peer, properties.channel()), 30_000);
    }

    /** Stops following; {@link #awaitClosed} once the peer connections are closed too. */
    @Override
    public void close() {
        follower.close();
    }

    /** Waits for the follower to finish the block it is applying, then closes the read model. */
    void awaitClosed() {
        follower.awaitStop();
        model.close();
    }
}
