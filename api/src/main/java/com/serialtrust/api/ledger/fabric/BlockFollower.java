package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.Ledger.LedgerEvent;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the channel's blocks from the read model's checkpoint through one organisation's peer,
 * applies each to the read model, then hands on its chaincode events, so that whoever hears of a
 * change finds it already in the read model. After a failure of the stream it reconnects every
 * {@link #RETRY_MAX_MS} at most; after a block that breaks the hash chain it stops for good, and
 * says why in {@link #fault()}.
 */
final class BlockFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockFollower.class);
    private static final long RETRY_MAX_MS = 2_000;

    private final ReadModel model;
    private final Supplier<Connection> peer;
    private final FabricProperties properties;
    private final Consumer<LedgerEvent> events;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String fault;
    private volatile long peerHeight = -1;
    private volatile boolean peerHeightKnown;
    /** Whether the read model has caught up with the peer once since this api started. */
    private boolean caughtUpOnce;
    private final long startedAt = System.nanoTime();

    BlockFollower(final ReadModel model, final Supplier<Connection> peer, final FabricProperties properties,
            final Consumer<LedgerEvent> events) {
        this.model = model;
        this.peer = peer;
        this.properties = properties;
        this.events = events;
        this.thread = new Thread(this::follow, "fabric-block-follower");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Why the read model stopped, once a block broke its hash chain. */
    Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /** The last block the peer had when the follower last connected to it, or -1 before it asked. */
    long peerHeight() {
        return peerHeight;
    }

    /** Whether the read model has every block the peer had when the follower last connected to it. */
    boolean caughtUp() {
        return peerHeightKnown && model.height() >= peerHeight;
    }

    private void follow() {
        long backoff = 250;
        while (!closed) {
            try {
                peerHeight = Math.max(peerHeight, lastBlockOn(peer.get(), properties.channel()));
                if (!peerHeightKnown) {
                    LOG.info("read model: {} blocks applied before; following the peer from block {} (the peer is at block {})",
                            model.height() + 1, model.height() + 1, peerHeight);
                }
                peerHeightKnown = true;
                noteCaughtUp();
                final var request = peer.get().network().newBlockEventsRequest().startBlock(0).checkpoint(model).build();
                try (CloseableIterator<Block> blocks = request.getEvents()) {
                    while (!closed && blocks.hasNext()) {
                        final Blocks.Parsed block = Blocks.parse(blocks.next(), properties.chaincode());
                        model.apply(block);
                        noteCaughtUp();
                        for (Blocks.Tx tx : block.transactions()) {
                            tx.event().ifPresent(e -> events.accept(new LedgerEvent(e.name(), e.payload(), tx.txId(),
                                    block.number())));
                        }
                        backoff = 250;
                    }
                }
            } catch (ReadModel.ChainBroken e) {
                fault = e.getMessage();
                LOG.error("the read model stopped at block {}: {}. Every query now goes to the peer until the read model"
                        + " is rebuilt (stop the api, delete {}, start it)", model.height(), e.getMessage(), ReadModel.FILE);
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    if (backoff == 250) { // once per outage, not at each retry
                        LOG.warn("block stream interrupted at block {} ({}); reconnecting", model.height(), e.getMessage());
                    }
                    sleep(backoff);
                    peer.get().channel().resetConnectBackoff();
                    backoff = Math.min(RETRY_MAX_MS, backoff * 2);
                }
            }
        }
    }

    /** Once the read model first holds what the peer held when the follower connected: says so, and frees the catch-up's cache. */
    private void noteCaughtUp() {
        if (!caughtUpOnce && caughtUp()) {
            caughtUpOnce = true;
            if (!model.releaseWriterCache()) {
                LOG.warn("read model: SQLite kept the page cache of the catch-up (up to 32 MB)");
            }
            LOG.info("read model: caught up with the peer at block {}, {} s after the api started", model.height(),
                    (System.nanoTime() - startedAt) / 1_000_000_000);
        }
    }

    /** The number of a peer's last block of the channel, from its ledger query system chaincode. */
    static long lastBlockOn(final Connection peer, final String channel) {
        try {
            final byte[] info = peer.network().getContract("qscc").evaluateTransaction("GetChainInfo", channel);
            return BlockchainInfo.parseFrom(info).getHeight() - 1;
        } catch (GatewayException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer did not say its height: " + e.getMessage(), e);
        }
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
        thread.interrupt();
    }

    /** Waits a little for the follower to finish the block it is applying, once closed. */
    void awaitStop() {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
