package com.serialtrust.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A single-peer ledger that runs the SerialTrust chaincode in-process through Fabric's own contract
 * routing, over any {@link WorldState}. Submits are serialised and committed one per block; a
 * failed transaction writes nothing. Used by the tests and by the embedded ledger.
 */
public final class SimLedger {

    private final Chaincode chaincode;
    private final WorldState state;
    private final String channelId;
    private final Clock clock;
    private final AtomicLong proposals = new AtomicLong();
    private final Object commitLock = new Object();

    /** Runs the given chaincode, such as {@link #contractRouter} wrapped with settings of this peer's own. */
    public SimLedger(final Chaincode chaincode, final WorldState state, final String channelId, final Clock clock) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
        this.state = Objects.requireNonNull(state, "state");
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of a proposal: the chaincode's response and, for a committed submit, where it landed. */
    public record Result(
            int status, String message, byte[] payload, String txId, Instant timestamp, Optional<Long> block,
            Optional<ChaincodeEvent> event, WriteSet writes) {

        public boolean ok() {
            return status == 200;
        }

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Endorses and commits a transaction; a refused one changes nothing. */
    public Result submit(final SimIdentity caller, final Map<String, byte[]> transientData, final String function,
            final String... args) {
        synchronized (commitLock) {
            final Result endorsed = run(caller, transientData, function, args);
            if (!endorsed.ok()) {
                return endorsed;
            }
            final long block = state.commit(endorsed.writes());
            return new Result(endorsed.status(), endorsed.message(), endorsed.payload(), endorsed.txId(),
                    endorsed.timestamp(), Optional.of(block), endorsed.event(), endorsed.writes());
        }
    }

    /** Runs a query; nothing is committed, whatever the chaincode wrote. */
    public Result evaluate(final SimIdentity caller, final String function, final String... args) {
        return evaluate(caller, Map.of(), function, args);
    }

    /** Runs a query with transient data; nothing is committed. */
    public Result evaluate(final SimIdentity caller, final Map<String, byte[]> transientData, final String function,
            final String... args) {
        return run(caller, transientData, function, args);
    }

    /**
     * Fabric's contract routing over these contracts and Fabric's own, as a peer's chaincode server routes them,
     * built once per process; unlike Fabric's router, without a scan of the whole class path.
     */
    @SafeVarargs
    public static Chaincode contractRouter(final Class<? extends ContractInterface>... contracts) {
        return ListedContracts.of(List.of(contracts));
    }

    public WorldState state() {
        return state;
    }

    private Result run(final SimIdentity caller, final Map<String, byte[]> transientData, final String function,
            final String... args) {
        final List<String> all = new ArrayList<>(args.length + 1);
        all.add(function);
        all.addAll(List.of(args));
        final Instant now = clock.instant();
        final String txId = txId(caller);
        final SimulatedStub stub = new SimulatedStub(state, channelId, txId, now, caller, all, transientData);
        final Chaincode.Response response = chaincode.invoke(stub);
        final byte[] payload = response.getPayload() == null ? new byte[0] : response.getPayload();
        return new Result(response.getStatusCode(), response.getMessage(), payload, txId, now, Optional.empty(),
                stub.chaincodeEvent(), stub.writeSet());
    }

    /** Like Fabric's: a digest of a nonce and the creator; here the nonce is a counter, so runs repeat. */
    private String txId(final SimIdentity caller) {
        final byte[] creator = caller.serialize();
        final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + creator.length);
        buffer.putLong(proposals.incrementAndGet()).put(creator);
        return HexFormat.of().formatHex(WorldState.sha256(buffer.array()));
    }

    /**
     * The shim's loggers, off from the moment this class loads, before any contract runs: the shim logs every
     * refusal as SEVERE with a stack trace, and in-process refusals reach the caller as coded results, so that
     * is only noise. Held strongly: java.util.logging forgets the level of a logger that is collected.
     */
    private static final List<Logger> QUIETED = quietFabricLogs();

    private static List<Logger> quietFabricLogs() {
        final List<Logger> quieted = new ArrayList<>();
        for (String name : List.of("org.hyperledger", "org.hyperledger.fabric", "org.hyperledger.fabric.contract",
                "org.hyperledger.fabric.shim")) {
            final Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.OFF);
            quieted.add(logger);
        }
        return quieted;
    }
}
