package com.serialtrust.api.ledger.embedded;

import com.serialtrust.sim.WorldState;
import com.serialtrust.sim.WriteSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The embedded ledger's committed state in SQLite (WAL, synchronous=FULL): each transaction is one
 * SQLite transaction that updates the world state, the history, the private collections and appends
 * a hash-chained block, so a {@code kill -9} leaves either the whole transaction or none of it.
 *
 * <p>Keys are stored as UTF-8 BLOBs, which SQLite orders byte by byte, as Fabric's LevelDB does.
 */
final class SqliteWorldState implements WorldState, AutoCloseable {

    static final String FILE = "ledger.sqlite";
    /** How many entries of an unbounded range one statement reads. */
    static final int CHUNK = 256;

    private final String url;
    private final Connection writer;
    private final ThreadLocal<Connection> readers;
    private final List<Connection> opened = new ArrayList<>();
    private final BlockChain chain;

    SqliteWorldState(final Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            url = "jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath();
            writer = open();
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                for (String ddl : Schema.TABLES) {
                    s.execute(ddl);
                }
            }
            writer.setAutoCommit(false);
            chain = new BlockChain(writer);
            readers = ThreadLocal.withInitial(this::openReader);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open the embedded ledger in " + dataDir, e);
        }
    }

    private Connection open() throws SQLException {
        final Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
        }
        synchronized (opened) {
            opened.add(c);
        }
        return c;
    }

    private Connection openReader() {
        try {
            return open();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> get(final String key) {
        return one("SELECT value FROM state WHERE key = ?", bytes(key));
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive) {
        return new ChunkedRange(this::range, startInclusive, endExclusive, CHUNK);
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive, final int limit) {
        return endExclusive.isEmpty()
                ? entries("SELECT key, value FROM state WHERE key >= ? ORDER BY key LIMIT ?", bytes(startInclusive), limit)
                : entries("SELECT key, value FROM state WHERE key >= ? AND key < ? ORDER BY key LIMIT ?",
                        bytes(startInclusive), bytes(endExclusive), limit);
    }

    @Override
    public List<Change> history(final String key) {
        final List<Change> changes = new ArrayList<>();
        query("SELECT tx_id, at, value FROM history WHERE key = ? ORDER BY block DESC", rs -> {
            while (rs.next()) {
                changes.add(new Change(rs.getString(1), Instant.parse(rs.getString(2)), Optional.ofNullable(rs.getBytes(3))));
            }
        }, bytes(key));
        return changes;
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
            writer.commit();
            return block;
        } catch (SQLException e) {
            try {
                writer.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("commit failed; nothing was written", e);
        }
    }

    /** The public writes: the world state, and each write in the history (which is also the block's write set). */
    private void writePublic(final long block, final WriteSet writes) throws SQLException {
        final String at = writes.timestamp().toString();
        try (PreparedStatement put = writer.prepareStatement("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)");
                PreparedStatement del = writer.prepareStatement("DELETE FROM state WHERE key = ?");
                PreparedStatement hist = writer.prepareStatement(
                        "INSERT INTO history(key, block, tx_id, at, value) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Optional<byte[]>> w : writes.publicWrites().entrySet()) {
                final byte[] key = bytes(w.getKey());
                if (w.getValue().isPresent()) {
                    put.setBytes(1, key);
                    put.setBytes(2, w.getValue().get());
                    put.addBatch();
                } else {
                    del.setBytes(1, key);
                    del.addBatch();
                }
                hist.setBytes(1, key);
                hist.setLong(2, block);
                hist.setString(3, writes.txId());
                hist.setString(4, at);
                hist.setBytes(5, w.getValue().orElse(null));
                hist.addBatch();
            }
            put.executeBatch();
            del.executeBatch();
            hist.executeBatch();
        }
    }

    /** The private writes, by collection; the block keeps only their hashes ({@link BlockChain}). */
    private void writePrivate(final WriteSet writes) throws SQLException {
        try (PreparedStatement put = writer.prepareStatement(
                "INSERT OR REPLACE INTO private_state(collection, key, value) VALUES (?, ?, ?)");
                PreparedStatement del = writer.prepareStatement("DELETE FROM private_state WHERE collection = ? AND key = ?")) {
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
        final long[] block = {-1};
        query("SELECT number FROM blocks WHERE tx_id = ?", rs -> {
            if (rs.next()) {
                block[0] = rs.getLong(1);
            }
        }, txId);
        return block[0] < 0 ? Optional.empty() : Optional.of(block[0]);
    }

    /** A connection of its own for the audit: it reads the block log in one consistent snapshot. */
    Connection auditConnection() throws SQLException {
        return open();
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing on shutdown: nothing left to protect
                }
            }
            opened.clear();
        }
    }

    // --- plumbing

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(final String sql, final Rows rows, final Object... params) {
        try (PreparedStatement ps = readers.get().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger read failed", e);
        }
    }

    private Optional<byte[]> one(final String sql, final Object... params) {
        final byte[][] out = new byte[1][];
        query(sql, rs -> {
            if (rs.next()) {
                out[0] = rs.getBytes(1);
            }
        }, params);
        return Optional.ofNullable(out[0]);
    }

    private Iterator<Map.Entry<String, byte[]>> entries(final String sql, final Object... params) {
        final List<Map.Entry<String, byte[]>> list = new ArrayList<>();
        query(sql, rs -> {
            while (rs.next()) {
                list.add(new AbstractMap.SimpleImmutableEntry<>(new String(rs.getBytes(1), StandardCharsets.UTF_8), rs.getBytes(2)));
            }
        }, params);
        return list.iterator();
    }

    static byte[] bytes(final String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
