package com.serialtrust.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} over a {@link WorldState}, with a peer's semantics: reads see committed
 * state only (never the transaction's own writes), writes are buffered in a {@link WriteSet},
 * history is newest first, partial composite key queries scan a key range, and only the last
 * event set survives. What a LevelDB peer refuses (rich queries) is refused here too.
 */
public final class SimulatedStub extends RefusingStub {

    /** The highest Unicode code point, which closes Fabric's composite-key ranges. */
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    /** The name of an organisation's implicit private data collection, less its MSP id. */
    private static final String IMPLICIT_PREFIX = "_implicit_org_";

    private final WorldState state;
    private final String channelId;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final List<byte[]> args;
    private final Map<String, byte[]> transientData;
    private final WriteSet writes;
    private ChaincodeEvent event;

    /** A stub for one proposal. */
    public SimulatedStub(
            final WorldState state,
            final String channelId,
            final String txId,
            final Instant timestamp,
            final SimIdentity creator,
            final List<String> args,
            final Map<String, byte[]> transientData) {
        this.state = state;
        this.channelId = channelId;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.serialize();
        this.mspId = creator.mspId();
        this.args = args.stream().map(a -> a.getBytes(UTF_8)).toList();
        this.transientData = Map.copyOf(transientData);
        this.writes = new WriteSet(txId, timestamp);
    }

    /** The writes this proposal made. */
    public WriteSet writeSet() {
        return writes;
    }

    /** The last event the chaincode set. */
    public Optional<ChaincodeEvent> chaincodeEvent() {
        return Optional.ofNullable(event);
    }

    @Override
    public List<byte[]> getArgs() {
        return args.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(a -> new String(a, UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : new String(args.get(0), UTF_8);
    }

    @Override
    public List<String> getParameters() {
        return getStringArgs().stream().skip(1).toList();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return channelId;
    }


    @Override
    public byte[] getState(final String key) {
        return state.get(key).orElse(new byte[0]);
    }


    @Override
    public void putState(final String key, final byte[] value) {
        requireKey(key);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("a value must not be empty; delete the key instead");
        }
        writes.put(key, value);
    }


    @Override
    public void delState(final String key) {
        requireKey(key);
        writes.delete(key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        return Results.iterator(state.range(startKey == null ? "" : startKey, endKey == null ? "" : endKey));
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            final String startKey, final String endKey, final int pageSize, final String bookmark) {
        final String start = bookmark == null || bookmark.isEmpty() ? startKey : bookmark;
        // one entry beyond the page says where the next page starts
        return Results.page(state.range(start, endKey == null ? "" : endKey, Math.max(0, pageSize) + 1), pageSize);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByRange(compositeKey, compositeKey + MAX_UNICODE_RUNE);
    }



    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        final String start = compositeKey.toString();
        return getStateByRangeWithPagination(start, start + MAX_UNICODE_RUNE, pageSize, bookmark);
    }





    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        return Results.history(state.history(key));
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        return onCallersPeer(collection) ? state.getPrivate(collection, key).orElse(new byte[0]) : new byte[0];
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        return state.getPrivate(collection, key).map(WorldState::sha256).orElse(new byte[0]);
    }

    /**
     * Whether the peer that runs this proposal stores the collection. A proposal runs on a peer of the
     * caller's organisation, and an implicit collection ({@code _implicit_org_<msp>}) lives only on its
     * organisation's peers: another organisation's reads of it find nothing.
     */
    private boolean onCallersPeer(final String collection) {
        return !collection.startsWith(IMPLICIT_PREFIX) || collection.equals(IMPLICIT_PREFIX + mspId);
    }


    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        requireKey(key);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("a private value must not be empty");
        }
        writes.putPrivate(collection, key, value);
    }


    @Override
    public void delPrivateData(final String collection, final String key) {
        writes.deletePrivate(collection, key);
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        writes.deletePrivate(collection, key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(
            final String collection, final String startKey, final String endKey) {
        return Results.iterator(onCallersPeer(collection) ? state.privateRange(collection, startKey, endKey)
                : Collections.emptyIterator());
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String compositeKey) {
        return getPrivateDataByRange(collection, compositeKey, compositeKey + MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final CompositeKey compositeKey) {
        return getPrivateDataByPartialCompositeKey(collection, compositeKey.toString());
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String objectType, final String... attributes) {
        return getPrivateDataByPartialCompositeKey(collection, new CompositeKey(objectType, attributes));
    }


    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an event needs a name");
        }
        event = ChaincodeEvent.newBuilder()
                .setEventName(name)
                .setTxId(txId)
                .setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload))
                .build();
        writes.event(name, payload == null ? new byte[0] : payload);
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return transientData;
    }


    @Override
    public String getMspId() {
        return mspId;
    }

    private static void requireKey(final String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a key must not be empty");
        }
    }
}
