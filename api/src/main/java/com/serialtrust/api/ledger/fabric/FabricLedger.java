package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.contract.Transaction;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The ledger through the Fabric Gateway: each organisation signs with its own member identity and
 * talks to its own peer; reads are evaluated, writes endorsed, ordered and awaited until committed.
 * An MVCC conflict (two writers of one key in a block) is retried with a fresh proposal. One
 * listener follows the chaincode's events from a stored checkpoint, so the api hears of every
 * change, its own and other organisations' alike.
 */
public final class FabricLedger implements Ledger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedger.class);
    private static final int BLOCK_CACHE = 10_000;
    private static final long LISTEN_RETRY_MAX_MS = 2_000;

    private final FabricProperties properties;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Sinks.Many<LedgerEvent> events = Sinks.many().multicast().directBestEffort();
    private final Scheduler scheduler = Schedulers.newBoundedElastic(32, 10_000, "fabric-gateway");
    private final Map<String, Long> blocks = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Long> eldest) {
            return size() > BLOCK_CACHE;
        }
    });
    private final Organisation listenAs;
    private volatile boolean closed;
    private final Thread listener;

    public FabricLedger(final FabricProperties properties, final List<Organisation> organisations, final Organisation listenAs) {
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
        listener = new Thread(this::listen, "fabric-chaincode-events");
        listener.setDaemon(true);
        listener.start();
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
        return Mono.fromCallable(() -> {
            try {
                return transientData.isEmpty()
                        ? connection(as).contract().evaluateTransaction(function, args.toArray(String[]::new))
                        : connection(as).contract().newProposal(function).addArguments(args.toArray(String[]::new))
                                .putAllTransient(transientData).build().evaluate();
            } catch (GatewayException e) {
                throw failure(as, function, e);
            }
        }).subscribeOn(scheduler);
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
        return Mono.fromCallable(() -> {
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
                        blocks.put(tx.getTransactionId(), status.getBlockNumber());
                        return new Committed(tx.getTransactionId(), status.getBlockNumber(), tx.getResult());
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
        }).subscribeOn(scheduler);
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
        return Mono.fromCallable(() -> {
            try {
                final byte[] block = connection(listenAs).network().getContract("qscc")
                        .evaluateTransaction("GetBlockByTxID", properties.channel(), txId);
                final long number = Block.parseFrom(block).getHeader().getNumber();
                blocks.put(txId, number);
                return number;
            } catch (GatewayException e) {
                throw failure(listenAs, "GetBlockByTxID", e);
            } catch (InvalidProtocolBufferException e) {
                throw new LedgerUnavailableException("qscc returned no block for " + txId, e);
            }
        }).subscribeOn(scheduler);
    }

    @Override
    public Flux<LedgerEvent> events() {
        return events.asFlux();
    }

    @Override
    public String kind() {
        return "fabric";
    }

    /**
     * Follows the chaincode's events from the checkpoint; after a failure it tries again every
     * {@link #LISTEN_RETRY_MAX_MS} at most, so that the cache hears again soon after a peer restarts.
     */
    private void listen() {
        long backoff = 250;
        while (!closed) {
            try (FileCheckpointer checkpointer = checkpointer()) {
                final var request = connection(listenAs).network().newChaincodeEventsRequest(properties.chaincode());
                if (checkpointer != null) {
                    request.checkpoint(checkpointer);
                }
                try (CloseableIterator<ChaincodeEvent> stream = request.build().getEvents()) {
                    while (!closed && stream.hasNext()) {
                        final ChaincodeEvent event = stream.next();
                        blocks.put(event.getTransactionId(), event.getBlockNumber());
                        events.tryEmitNext(new LedgerEvent(event.getEventName(), event.getPayload(),
                                event.getTransactionId(), event.getBlockNumber()));
                        if (checkpointer != null) {
                            checkpointer.checkpointChaincodeEvent(event);
                        }
                        backoff = 250;
                    }
                }
            } catch (Exception e) {
                if (!closed) {
                    if (backoff == 250) { // once per outage, not at each retry
                        LOG.warn("chaincode event stream interrupted ({}); reconnecting", e.getMessage());
                    }
                    sleep(backoff);
                    connection(listenAs).channel().resetConnectBackoff();
                    backoff = Math.min(LISTEN_RETRY_MAX_MS, backoff * 2);
                }
            }
        }
    }

    private FileCheckpointer checkpointer() throws IOException {
        if (properties.checkpoint() == null) {
            return null;
        }
        Files.createDirectories(properties.checkpoint().toAbsolutePath().getParent());
        return new FileCheckpointer(properties.checkpoint());
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        connections.values().forEach(c -> {
            c.gateway().close();
            c.channel().shutdownNow();
        });
        scheduler.dispose();
    }
}
