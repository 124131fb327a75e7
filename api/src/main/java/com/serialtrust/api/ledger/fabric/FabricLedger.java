package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.LedgerThreads;
import com.serialtrust.chaincode.ErrorCode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.contract.Transaction;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The ledger through the Fabric Gateway: each organisation signs with its own member identity and
 * talks to its own peer; writes are endorsed, ordered and awaited until committed. An MVCC conflict
 * (two writers of one key in a block) is retried with a fresh proposal.
 *
 * <p>Queries are answered by the contract over the api's {@link ReadModel}, which follows the blocks
 * of the public organisation's peer, as Fabric's documentation advises for read-heavy applications:
 * a query that reads private data, or any query while the read model is behind this api's own last
 * write or has stopped on a broken hash chain, is evaluated on the peer instead. A write returns once
 * its block is in the read model (or {@code awaitWrite} has passed), so a writer reads its own write.
 */
public final class FabricLedger implements Ledger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedger.class);
    private static final int BLOCK_CACHE = 10_000;

    private final FabricProperties properties;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Sinks.Many<LedgerEvent> events = Sinks.many().multicast().directBestEffort();
    /** Calls to the peers, which mostly wait: for an endorsement, for a block to commit. */
    private final LedgerThreads threads = new LedgerThreads("fabric-gateway", 32);
    /** Queries of the read model, which work all the time they run: as many threads as the embedded ledger's. */
    private final LedgerThreads readModelThreads = new LedgerThreads("read-model", LedgerThreads.SQLITE_READERS);
    private final Map<String, Long> blocks = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Long> eldest) {
            return size() > BLOCK_CACHE;
        }
    });
    private final Organisation listenAs;
    private final ReadSide reads;

    public FabricLedger(final FabricProperties properties, final List<Organisation> organisations, final Organisation listenAs,
            final String authorityMspId) {
        this(properties, organisations, listenAs, authorityMspId, lag -> { });
    }

    /**
     * As the other constructor; {@code readModelLag} hears, for each write, how long after its commit
     * on the peer its block reached the read model (zero when it was there first).
     */
    public FabricLedger(final FabricProperties properties, final List<Organisation> organisations, final Organisation listenAs,
            final String authorityMspId, final Consumer<Duration> readModelLag) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.listenAs = Objects.requireNonNull(listenAs, "listenAs");
        for (Organisation org : organisations) {
            final FabricProperties.Member member = properties.organisations().get(org.name());
            if (member != null) {
                connections.put(org.mspId(), Connection.open(org, member, properties));
            }
        }
        if (!connections.containsKey(listenAs.mspId())) {
            throw new IllegalStateException("serialtrust.fabric.organisations has no connection for '" + listenAs.name() + "'");
        }
        this.reads = new ReadSide(properties, authorityMspId, () -> connection(listenAs), events::tryEmitNext, readModelLag);
    }

    private Connection connection(final Organisation as) {
        final Connection c = connections.get(as.mspId());
        if (c == null) {
            throw new IllegalStateException("this api has no Fabric identity for " + as.name());
        }
        return c;
    }

    @Override
    public Mono<byte[]> evaluate(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> transientData) {
        final String function = Ledger.checked(transaction, Transaction.Intent.EVALUATE).function();
        return readModelThreads.run(() -> reads.answer(connection(as).identity(), function, args, transientData).orElse(null))
                .switchIfEmpty(threads.run(() -> evaluateOnPeerOrSearch(as, function, args, transientData)));
    }

    /** On the peer; a search it refuses for want of an index, from the read model if that may answer at all. */
    private byte[] evaluateOnPeerOrSearch(final Organisation as, final String function, final List<String> args,
            final Map<String, byte[]> transientData) {
        try {
            return evaluateOnPeer(as, function, args, transientData);
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.SEARCH_INDEX_UNAVAILABLE)) {
                throw refusal;
            }
            return reads.search(connection(as).identity(), function, args, transientData).orElseThrow(() -> refusal);
        }
    }

    /** A query evaluated by the organisation's peer, whatever the read model's state. */
    byte[] evaluateOnPeer(final Organisation as, final String function, final List<String> args,
            final Map<String, byte[]> transientData) {
        try {
            return transientData.isEmpty()
                    ? connection(as).contract().evaluateTransaction(function, args.toArray(String[]::new))
                    : connection(as).contract().newProposal(function).addArguments(args.toArray(String[]::new))
                            .putAllTransient(transientData).build().evaluate();
        } catch (GatewayException e) {
            throw failure(as, function, e);
        }
    }

    /** A query answered by the read model, whatever its state; empty if it reads private data. */
    Optional<byte[]> evaluateOnReadModel(final Organisation as, final String function, final List<String> args) {
        return reads.evaluate(connection(as).identity(), function, args, Map.of());
    }

    @Override
    public Mono<Committed> submit(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> transientData) {
        return submit(as, transaction, args, transientData, List.of());
    }

    @Override
    public Mono<Committed> submitOwnSecrets(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> secrets) {
        final List<String> endorsers = as.mspId().equals(properties.secretsCoEndorser()) ? List.of(as.mspId())
                : List.of(as.mspId(), properties.secretsCoEndorser());
        return submit(as, transaction, args, secrets, endorsers);
    }

    private Mono<Committed> submit(final Organisation as, final Transaction transaction, final List<String> args,
            final Map<String, byte[]> transientData, final List<String> endorsers) {
        final String function = Ledger.checked(transaction, Transaction.Intent.SUBMIT).function();
        return threads.run(() -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    final var proposal = connection(as).contract().newProposal(function)
                            .addArguments(args.toArray(String[]::new)).putAllTransient(transientData);
                    if (!endorsers.isEmpty()) {
                        proposal.setEndorsingOrganizations(endorsers.toArray(String[]::new));
                    }
                    final SubmittedTransaction tx = proposal.build().endorse().submitAsync();
                    final var status = tx.getStatus();
                    if (status.isSuccessful()) {
                        final long block = status.getBlockNumber();
                        blocks.put(tx.getTransactionId(), block);
                        reads.written(block);
                        return new Committed(tx.getTransactionId(), block, tx.getResult());
                    }
                    if (status.getCode() == TxValidationCode.MVCC_READ_CONFLICT && attempt < properties.mvccRetries()) {
                        LOG.debug("{}: MVCC conflict, retrying ({})", function, attempt + 1);
                        continue;
                    }
                    throw FabricErrors.notCommitted(function, status.getCode(), tx.getTransactionId());
                } catch (GatewayException e) {
                    throw failure(as, function, e);
                }
            }
        });
    }

    /**
     * A failed call in the port's terms. When the peer was unreachable, the channel's reconnect
     * back-off (which grows to minutes) is cut short, so that the next call finds a restarted peer
     * at once rather than failing until the back-off ends.
     */
    private RuntimeException failure(final Organisation as, final String function, final GatewayException e) {
        if (e.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
            connection(as).channel().resetConnectBackoff();
        }
        return FabricErrors.translate(function, e);
    }

    @Override
    public Mono<Long> blockOf(final String txId) {
        final Long known = blocks.get(txId);
        if (known != null) {
            return Mono.just(known);
        }
        return readModelThreads.run(() -> reads.blockOf(txId).orElse(null)).switchIfEmpty(threads.run(() -> {
            try {
                final byte[] block = connection(listenAs).network().getContract("qscc")
                        .evaluateTransaction("GetBlockByTxID", properties.channel(), txId);
                return Block.parseFrom(block).getHeader().getNumber();
            } catch (GatewayException e) {
                throw failure(listenAs, "GetBlockByTxID", e);
            } catch (InvalidProtocolBufferException e) {
                throw new LedgerUnavailableException("qscc returned no block for " + txId, e);
            }
        })).doOnNext(number -> blocks.put(txId, number));
    }

    @Override
    public Flux<LedgerEvent> events() {
        return events.asFlux();
    }

    @Override
    public String kind() {
        return "fabric";
    }

    /** The read model's state, as its health reports it. */
    ReadSide.Status readModelStatus() {
        return reads.status();
    }

    /**
     * Compares the read model with the public organisation's peer, key by key, once the read model
     * has the peer's last block (it is given 30 s).
     */
    public ReadModelAudit.Report auditReadModel() throws InterruptedException {
        return reads.audit(connection(listenAs));
    }

    @Override
    public void close() {
        reads.close();
        connections.values().forEach(c -> {
            c.gateway().close();
            c.channel().shutdownNow();
        });
        reads.awaitClosed();
        threads.dispose();
        readModelThreads.dispose();
    }
}
