package com.serialtrust.sim;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The writes of one transaction, kept in key order (as Fabric's read-write set is) with the last
 * write of a key winning. An empty value is a delete.
 */
public final class WriteSet {

    private final String txId;
    private final Instant timestamp;
    private final SortedMap<String, Optional<byte[]>> publicWrites = new TreeMap<>();
    private final Map<String, SortedMap<String, Optional<byte[]>>> privateWrites = new LinkedHashMap<>();
    private Event event;

    public WriteSet(final String txId, final Instant timestamp) {
        this.txId = txId;
        this.timestamp = timestamp;
    }

    public String txId() {
        return txId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    void put(final String key, final byte[] value) {
        publicWrites.put(key, Optional.of(value.clone()));
    }

    void delete(final String key) {
        publicWrites.put(key, Optional.empty());
    }

    void putPrivate(final String collection, final String key, final byte[] value) {
        privateWrites.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, Optional.of(value.clone()));
    }

    void deletePrivate(final String collection, final String key) {
        privateWrites.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, Optional.empty());
    }

    /** Public writes in key order; an empty value is a delete. */
    public SortedMap<String, Optional<byte[]>> publicWrites() {
        return Collections.unmodifiableSortedMap(publicWrites);
    }

    /** Private writes by collection, each in key order. */
    public Map<String, SortedMap<String, Optional<byte[]>>> privateWrites() {
        return Collections.unmodifiableMap(privateWrites);
    }

    /** The transaction's chaincode event; as on a peer, the last one set wins. */
    void event(final String name, final byte[] payload) {
        event = new Event(name, payload.clone());
    }

    /** The chaincode event committed with these writes, if the transaction set one. */
    public Optional<Event> event() {
        return Optional.ofNullable(event);
    }

    /** A chaincode event: its name and payload. */
    public record Event(String name, byte[] payload) {}

    public boolean isEmpty() {
        return publicWrites.isEmpty() && privateWrites.isEmpty();
    }
}
