package com.serialtrust.api.ledger.embedded;

import com.serialtrust.sim.WorldState;
import com.serialtrust.sim.WriteSet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The block log: one block per committed transaction, each naming the hash of the one before, so that
 * a changed, removed or reordered block (or write) breaks every hash after it.
 *
 * <p>{@code hash = SHA-256(previous hash, number, txId, time, writes hash, event name, event payload)};
 * the writes hash covers every public write (key, value or deletion) and every private write (collection,
 * key, SHA-256 of the value), in key order.
 */
final class BlockChain {

    static final byte[] GENESIS_PREVIOUS = new byte[32];

    private final Connection writer;
    private volatile long height;
    private volatile byte[] lastHash;

    BlockChain(final Connection writer) throws SQLException {
        this.writer = writer;
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1")) {
            if (rs.next()) {
                height = rs.getLong(1);
                lastHash = rs.getBytes(2);
            } else {
                height = -1;
                lastHash = GENESIS_PREVIOUS;
            }
        }
        writer.commit();
    }

    long height() {
        return height;
    }

    /** Appends the block inside the caller's SQLite transaction; the caller commits. */
    void append(final long number, final WriteSet writes) throws SQLException {
        final Optional<String> eventName = writes.event().map(WriteSet.Event::name);
        final byte[] eventPayload = writes.event().map(WriteSet.Event::payload).orElse(new byte[0]);
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO private_writes(block, collection, key, value_hash) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, SortedMap<String, Optional<byte[]>>> c : writes.privateWrites().entrySet()) {
                for (Map.Entry<String, Optional<byte[]>> w : c.getValue().entrySet()) {
                    ps.setLong(1, number);
                    ps.setString(2, c.getKey());
                    ps.setBytes(3, SqliteWorldState.bytes(w.getKey()));
                    ps.setBytes(4, w.getValue().map(WorldState::sha256).orElse(null));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        final Digest digest = new Digest();
        writes.publicWrites().forEach((key, value) -> digest.write(key, value.orElse(null)));
        writes.privateWrites().forEach((collection, entries) -> entries.forEach(
                (key, value) -> digest.write(collection + "\u0000" + key, value.map(WorldState::sha256).orElse(null))));
        final byte[] writesHash = digest.finish();
        final String at = writes.timestamp().toString();
        final byte[] hash = blockHash(lastHash, number, writes.txId(), at, writesHash, eventName.orElse(""), eventPayload);
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO blocks(number, tx_id, at, writes_hash,"
                + " previous_hash, hash, event_name, event_payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, number);
            ps.setString(2, writes.txId());
            ps.setString(3, at);
            ps.setBytes(4, writesHash);
            ps.setBytes(5, lastHash);
            ps.setBytes(6, hash);
            ps.setString(7, eventName.orElse(null));
            ps.setBytes(8, eventPayload);
            ps.executeUpdate();
        }
        height = number;
        lastHash = hash;
    }

    static byte[] blockHash(final byte[] previous, final long number, final String txId, final String at,
            final byte[] writesHash, final String eventName, final byte[] eventPayload) {
        final Digest d = new Digest();
        d.field(previous);
        d.field(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
        d.field(txId.getBytes(StandardCharsets.UTF_8));
        d.field(at.getBytes(StandardCharsets.UTF_8));
        d.field(writesHash);
        d.field(eventName.getBytes(StandardCharsets.UTF_8));
        d.field(eventPayload);
        return d.finish();
    }

    /** Length-prefixed fields into SHA-256: no two different sequences of fields hash alike. */
    static final class Digest {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        void field(final byte[] value) {
            try {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(value.length);
                    out.write(value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(final String key, final byte[] valueOrNull) {
            field(key.getBytes(StandardCharsets.UTF_8));
            field(valueOrNull);
        }

        byte[] finish() {
            return WorldState.sha256(bytes.toByteArray());
        }
    }
}
