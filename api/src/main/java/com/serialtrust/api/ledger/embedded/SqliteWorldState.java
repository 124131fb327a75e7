package com.serialtrust.api.ledger.embedded;

import com.serialtrust.api.ledger.sqlite.Durability;
import com.serialtrust.api.ledger.sqlite.SqliteState;
import com.serialtrust.sim.WriteSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The embedded ledger's committed state in SQLite: each transaction is one
 * SQLite transaction that updates the world state, the history, the private collections and appends
 * a hash-chained block, so a {@code kill -9} leaves either the whole transaction or none of it.
 *
 * <p>Keys are stored as UTF-8 BLOBs, which SQLite orders byte by byte, as Fabric's LevelDB does.
 */
final class SqliteWorldState extends SqliteState {

    static final String FILE = "ledger.sqlite";

    private final BlockChain chain;

    SqliteWorldState(final Path dataDir) {
        super(dataDir.resolve(FILE), Schema.TABLES, "block DESC", Durability.EVERY_COMMIT);
        try {
            chain = new BlockChain(writer());
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot open the embedded ledger in " + dataDir, e);
        }
    }

    @Override
    public Optional<byte[]> getPrivate(final String collection, final String key) {
        return one("SELECT value FROM private_state WHERE collection = ? AND key = ?", collection, bytes(key));
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> privateRange(final String collection, final String startInclusive,
            final String endExclusive) {
        return endExclusive.isEmpty()
                ? entries("SELECT key, value FROM private_state WHERE collection = ? AND key >= ? ORDER BY key",
                        collection, bytes(startInclusive))
                : entries("SELECT key, value FROM private_state WHERE collection = ? AND key >= ? AND key < ? ORDER BY key",
                        collection, bytes(startInclusive), bytes(endExclusive));
    }

    /** Commits a transaction's writes and its chaincode event as the next block, atomically. */
    @Override
    public synchronized long commit(final WriteSet writes) {
        try {
            final long block = chain.height() + 1;
            writePublic(block, writes);
            writePrivate(writes);
            chain.append(block, writes);
            writer().commit();
            return block;
        } catch (SQLException e) {
            throw rolledBack("commit", e);
        }
    }

    /** The public writes: the world state, and each write in the history (which is also the block's write set). */
    private void writePublic(final long block, final WriteSet writes) throws SQLException {
        final Map<String, Object> history = new LinkedHashMap<>();
        history.put("block", block);
        history.put("tx_id", writes.txId());
        history.put("at", writes.timestamp().toString());
        writePublic(writes.publicWrites(), Map.of(), history);
    }

    /** The private writes, by collection; the block keeps only their hashes ({@link BlockChain}). */
    private void writePrivate(final WriteSet writes) throws SQLException {
        try (PreparedStatement put = writer().prepareStatement(
                "INSERT OR REPLACE INTO private_state(collection, key, value) VALUES (?, ?, ?)");
                PreparedStatement del = writer().prepareStatement("DELETE FROM private_state WHERE collection = ? AND key = ?")) {
            for (Map.Entry<String, SortedMap<String, Optional<byte[]>>> c : writes.privateWrites().entrySet()) {
                for (Map.Entry<String, Optional<byte[]>> w : c.getValue().entrySet()) {
                    final PreparedStatement statement = w.getValue().isPresent() ? put : del;
                    statement.setString(1, c.getKey());
                    statement.setBytes(2, bytes(w.getKey()));
                    if (w.getValue().isPresent()) {
                        statement.setBytes(3, w.getValue().get());
                    }
                    statement.addBatch();
                }
            }
            put.executeBatch();
            del.executeBatch();
        }
    }

    @Override
    public long height() {
        return chain.height();
    }

    /** The block that holds a transaction. */
    Optional<Long> blockOf(final String txId) {
        final long block = number("SELECT number FROM blocks WHERE tx_id = ?", txId);
        return block < 0 ? Optional.empty() : Optional.of(block);
    }

    /** A connection of its own for the audit: it reads the block log in one consistent snapshot. */
    Connection auditConnection() throws SQLException {
        return open();
    }
}
