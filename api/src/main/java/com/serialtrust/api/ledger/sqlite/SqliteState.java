package com.serialtrust.api.ledger.sqlite;

import com.serialtrust.chaincode.DerivedIndex;
import com.serialtrust.sim.DerivedKeys;
import com.serialtrust.sim.WorldState;
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

/**
 * A world state kept in one SQLite file (WAL): the public keys in a {@code state}
 * table and every write in a {@code history} table, read here the same way by the embedded ledger and
 * by the Fabric read model. One writer connection, whose transactions the subclass commits; one reader
 * connection per thread.
 *
 * <p>Keys are UTF-8 BLOBs, which SQLite orders byte by byte, as Fabric's LevelDB does.
 *
 * <p>Keys that no transaction wrote but the state derives from each committed write ({@link DerivedKeys}:
 * the search index) are kept apart, in a {@code derived} table: in no history, in no audit against a
 * peer, and read together with {@code state} by a range over their types. A file written before they
 * were derived keeps its index entries in {@code state}, where the same range still finds them.
 */
public abstract class SqliteState implements WorldState, AutoCloseable {

    /** How many entries of an unbounded range one statement reads. */
    public static final int CHUNK = 256;

    private final String url;
    private final Connection writer;
    private final Readers readers;
    private final List<Connection> opened = new ArrayList<>();
    private final String historyOrder;
    private final Durability durability;
    /** The contract's search index, which every SQLite state keeps: the embedded ledger and the read model answer searches. */
    private final DerivedKeys derived = DerivedKeys.of(DerivedIndex::keysOf, DerivedIndex::covers);

    /**
     * Opens (or creates) {@code file} with {@code tables}; {@code historyOrder} is the SQL order of a
     * key's history, newest first.
     */
    protected SqliteState(final Path file, final List<String> tables, final String historyOrder, final Durability durability) {
        this.historyOrder = historyOrder;
        this.durability = durability;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            url = "jdbc:sqlite:" + file.toAbsolutePath();
            writer = open();
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // the writer's B-tree pages stay in memory across commits: random key inserts read less
                s.execute("PRAGMA cache_size=-32768");
                for (String ddl : tables) {
                    s.execute(ddl);
                }
                s.execute("CREATE TABLE IF NOT EXISTS derived (key BLOB PRIMARY KEY) WITHOUT ROWID");
            }
            writer.setAutoCommit(false);
            readers = new Readers(this::open, connection -> {
                synchronized (opened) {
                    opened.remove(connection);
                }
            });
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open the ledger state in " + file, e);
        }
    }

    /** A connection of its own, with this file's pragmas: for a reader that needs one snapshot (an audit). */
    public final Connection open() throws SQLException {
        final Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=" + durability.pragma());
            s.execute("PRAGMA busy_timeout=10000");
        }
        synchronized (opened) {
            opened.add(c);
        }
        return c;
    }

    /** The one connection that writes; the subclass commits or rolls back its transactions. */
    protected final Connection writer() {
        return writer;
    }

    /** Rolls back the writer's open transaction after {@code e}, keeping any failure of the rollback with it. */
    protected final IllegalStateException rolledBack(final String what, final SQLException e) {
        try {
            writer.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
        return new IllegalStateException(what + " failed; nothing was written", e);
    }

    /**
     * Writes one transaction's public writes in the writer's open transaction: each key's value (or its
     * removal) in {@code state}, each write in {@code history}, and the keys each value derives in
     * {@code derived}. Each table's own columns beyond key and value come with the values every row of
     * this transaction has in them.
     */
    protected final void writePublic(final Map<String, Optional<byte[]>> writes, final Map<String, Object> stateColumns,
            final Map<String, Object> historyColumns) throws SQLException {
        try (PreparedStatement put = writer.prepareStatement(insert("INSERT OR REPLACE INTO state", stateColumns));
                PreparedStatement del = writer.prepareStatement("DELETE FROM state WHERE key = ?");
                PreparedStatement hist = writer.prepareStatement(insert("INSERT INTO history", historyColumns));
                PreparedStatement index = writer.prepareStatement("INSERT OR IGNORE INTO derived (key) VALUES (?)")) {
            for (Map.Entry<String, Optional<byte[]>> w : writes.entrySet()) {
                final byte[] key = bytes(w.getKey());
                if (w.getValue().isPresent()) {
                    bind(put, key, w.getValue().get(), stateColumns);
                    for (String k : derived.of(w.getKey(), w.getValue().get())) {
                        index.setBytes(1, bytes(k));
                        index.addBatch();
                    }
                } else {
                    del.setBytes(1, key);
                    del.addBatch();
                }
                bind(hist, key, w.getValue().orElse(null), historyColumns);
            }
            // a key appears once in a transaction's writes: the order of the three makes no difference
            put.executeBatch();
            del.executeBatch();
            hist.executeBatch();
            index.executeBatch();
        }
    }

    private static String insert(final String into, final Map<String, Object> columns) {
        return into + "(key, value" + columns.keySet().stream().map(c -> ", " + c).reduce("", String::concat) + ") VALUES (?, ?"
                + ", ?".repeat(columns.size()) + ")";
    }

    private static void bind(final PreparedStatement ps, final byte[] key, final byte[] value, final Map<String, Object> columns)
            throws SQLException {
        ps.setBytes(1, key);
        ps.setBytes(2, value);
        int i = 3;
        for (Object v : columns.values()) {
            ps.setObject(i++, v);
        }
        ps.addBatch();
    }

    /**
     * Runs {@code reads} on one snapshot of the committed state: every read it makes on this thread sees
     * the same commits, as a peer's query does, however many commits land meanwhile. (Without it, a
     * query that reads an item and then its recalls could see each at another block.)
     */
    public final <T> T snapshot(final java.util.function.Supplier<T> reads) {
        // BEGIN and COMMIT as statements kept prepared, not the driver's setAutoCommit and commit: those
        // compile four statements each time (begin, commit, begin again, commit), 6 % of a verification's
        // work on the ledger's threads
        final Reader reader = readers.get();
        try {
            reader.statement("BEGIN").execute();
            try {
                return reads.get();
            } finally {
                reader.statement("COMMIT").execute(); // ends the read transaction; it wrote nothing
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger read failed", e);
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
        final List<Object> bounds = endExclusive.isEmpty() ? List.of(bytes(startInclusive))
                : List.of(bytes(startInclusive), bytes(endExclusive));
        final String where = " WHERE key >= ?" + (endExclusive.isEmpty() ? "" : " AND key < ?");
        final boolean index = derived.covers(startInclusive);
        final List<Object> params = new ArrayList<>(bounds);
        if (index) {
            params.addAll(bounds);
        }
        // a LIMIT bound as a parameter made an empty range cost SQLite 5 times as much as a written one (7.7 µs
        // against 1.6 µs through sqlite-jdbc 3.54.1, 1 December); nearly every range reads chunks, so the chunk's
        // size is written into the statement, and a page's limit, which varies, stays a parameter
        final String limited = limit == CHUNK ? " LIMIT " + CHUNK : " LIMIT ?";
        if (limit != CHUNK) {
            params.add(limit);
        }
        // UNION, not UNION ALL: an index entry written to state by an older contract may be derived here too
        return entries("SELECT key, value FROM state" + where + (index ? " UNION SELECT key, x'00' FROM derived" + where : "")
                + " ORDER BY key" + limited, params.toArray());
    }

    @Override
    public List<Change> history(final String key) {
        final List<Change> changes = new ArrayList<>();
        query("SELECT tx_id, at, value FROM history WHERE key = ? ORDER BY " + historyOrder, rs -> {
            while (rs.next()) {
                changes.add(new Change(rs.getString(1), Instant.parse(rs.getString(2)), Optional.ofNullable(rs.getBytes(3))));
            }
        }, bytes(key));
        return changes;
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

    /** Reads the rows of one query, and only them: the statement is kept for the next query of its text. */
    protected interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query on this thread's reader. */
    protected final void query(final String sql, final Rows rows, final Object... params) {
        final Reader reader = readers.get();
        try {
            final PreparedStatement ps = reader.statement(sql);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rows.read(rs);
            }
        } catch (SQLException e) {
            reader.discard(sql);
            throw new IllegalStateException("ledger read failed", e);
        }
    }

    /** The first column of the first row, if there is one. */
    protected final Optional<byte[]> one(final String sql, final Object... params) {
        final byte[][] out = new byte[1][];
        query(sql, rs -> {
            if (rs.next()) {
                out[0] = rs.getBytes(1);
            }
        }, params);
        return Optional.ofNullable(out[0]);
    }

    /** A number, or -1 when the query has no row (or a NULL). */
    protected final long number(final String sql, final Object... params) {
        final long[] out = {-1};
        query(sql, rs -> {
            if (rs.next()) {
                final long n = rs.getLong(1);
                out[0] = rs.wasNull() ? -1 : n;
            }
        }, params);
        return out[0];
    }

    /** Rows of (key BLOB, value BLOB) as entries. */
    protected final Iterator<Map.Entry<String, byte[]>> entries(final String sql, final Object... params) {
        final List<Map.Entry<String, byte[]>> list = new ArrayList<>();
        query(sql, rs -> {
            while (rs.next()) {
                list.add(new AbstractMap.SimpleImmutableEntry<>(new String(rs.getBytes(1), StandardCharsets.UTF_8), rs.getBytes(2)));
            }
        }, params);
        return list.iterator();
    }

    /** A key as stored: its UTF-8 bytes. */
    public static byte[] bytes(final String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
