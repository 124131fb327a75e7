package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.sqlite.Durability;
import com.serialtrust.api.ledger.sqlite.SqliteState;
import com.serialtrust.sim.WriteSet;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.Checkpoint;

/**
 * The api's copy of its peer's world state for one chaincode, built from the channel's blocks: every
 * public key with the block and transaction of its last write, every write in the history, and each
 * block's hashes. A block is applied in one SQLite transaction with the checkpoint (the height), so a
 * {@code kill -9} leaves the whole block or none of it, and the next start goes on from the block
 * after. A block that does not follow the last one (a gap, another previous hash, data that does not
 * match its data hash) is refused with {@link ChainBroken} and nothing of it is written.
 *
 * <p>The contract reads it as a peer's state; private data is not on blocks (only its hashes), so a
 * read of it is not answered here ({@link PublicView}).
 */
final class ReadModel extends SqliteState implements Checkpoint {

    static final String FILE = "read-model.sqlite";

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS state (key BLOB PRIMARY KEY, value BLOB NOT NULL, block INTEGER NOT NULL,"
                    + " tx_id TEXT NOT NULL) WITHOUT ROWID",
            // appended in commit order, found by key through a narrow index: cheaper to write than a
            // table ordered by key, which puts each row, value and all, in the middle of the tree
            "CREATE TABLE IF NOT EXISTS history (key BLOB NOT NULL, block INTEGER NOT NULL, tx_num INTEGER NOT NULL,"
                    + " tx_id TEXT NOT NULL, at TEXT NOT NULL, value BLOB)",
            "CREATE UNIQUE INDEX IF NOT EXISTS history_by_key ON history (key, block, tx_num)",
            "CREATE TABLE IF NOT EXISTS txs (tx_id TEXT PRIMARY KEY, block INTEGER NOT NULL, tx_num INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS blocks (number INTEGER PRIMARY KEY, previous_hash BLOB NOT NULL,"
                    + " data_hash BLOB NOT NULL, hash BLOB NOT NULL, transactions INTEGER NOT NULL, applied_at TEXT NOT NULL)");

    private final Object heightMonitor = new Object();
    private volatile long height;
    private byte[] lastHash;

    ReadModel(final Path dir) {
        // a copy of what the peer holds: after a power cut it reads the lost blocks again
        super(dir.resolve(FILE), TABLES, "block DESC, tx_num DESC", Durability.REBUILDABLE);
        height = number("SELECT max(number) FROM blocks");
        lastHash = height < 0 ? new byte[0] : one("SELECT hash FROM blocks WHERE number = ?", height).orElseThrow();
    }

    /** A block that cannot follow the ones applied: the read model stops there. */
    static final class ChainBroken extends RuntimeException {
        ChainBroken(final String message) {
            super(message);
        }
    }

    /** Applies the next block, or refuses it and writes nothing. */
    synchronized void apply(final Blocks.Parsed block) {
        if (block.number() != height + 1) {
            throw new ChainBroken("block " + block.number() + " arrived where block " + (height + 1) + " was due");
        }
        if (!block.dataIntact()) {
            throw new ChainBroken("block " + block.number() + ": its transactions do not match its data hash");
        }
        if (!Arrays.equals(block.previousHash(), lastHash)) {
            throw new ChainBroken("block " + block.number() + " names a previous block hash "
                    + HexFormat.of().formatHex(block.previousHash()) + ", not the hash of block " + height);
        }
        final byte[] hash = block.hash();
        try {
            for (Blocks.Tx tx : block.transactions()) {
                write(block.number(), tx);
            }
            try (PreparedStatement ps = writer().prepareStatement("INSERT INTO blocks(number, previous_hash, data_hash, hash,"
                    + " transactions, applied_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, block.number());
                ps.setBytes(2, block.previousHash());
                ps.setBytes(3, block.dataHash());
                ps.setBytes(4, hash);
                ps.setInt(5, block.transactions().size());
                ps.setString(6, Instant.now().toString());
                ps.executeUpdate();
            }
            writer().commit();
        } catch (SQLException e) {
            throw rolledBack("applying block " + block.number(), e);
        }
        lastHash = hash;
        synchronized (heightMonitor) {
            height = block.number();
            heightMonitor.notifyAll();
        }
    }

    private void write(final long block, final Blocks.Tx tx) throws SQLException {
        final Map<String, Object> state = new LinkedHashMap<>();
        state.put("block", block);
        state.put("tx_id", tx.txId());
        final Map<String, Object> history = new LinkedHashMap<>(state);
        history.put("tx_num", tx.index());
        history.put("at", tx.timestamp().toString());
        writePublic(tx.writes(), state, history);
        try (PreparedStatement txs = writer().prepareStatement("INSERT OR REPLACE INTO txs(tx_id, block, tx_num) VALUES (?, ?, ?)")) {
            txs.setString(1, tx.txId());
            txs.setLong(2, block);
            txs.setInt(3, tx.index());
            txs.executeUpdate();
        }
    }

    /**
     * Hands back the writer's page cache, which reading many blocks in a row fills (up to 32 MB of C
     * heap, kept while the connection lives): once caught up, blocks come one at a time. False if SQLite
     * refused, which costs only the memory.
     */
    synchronized boolean releaseWriterCache() {
        try (Statement s = writer().createStatement()) {
            s.execute("PRAGMA shrink_memory");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The number of the last block applied, or -1 before the first. */
    @Override
    public long height() {
        return height;
    }

    /** Waits until block {@code number} is applied; false if {@code millis} pass first. */
    boolean awaitHeight(final long number, final long millis) throws InterruptedException {
        final long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (heightMonitor) {
            while (height < number) {
                final long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                heightMonitor.wait(left);
            }
            return true;
        }
    }

    /** The block that holds a valid transaction, once applied. */
    Optional<Long> blockOf(final String txId) {
        final long block = number("SELECT block FROM txs WHERE tx_id = ?", txId);
        return block < 0 ? Optional.empty() : Optional.of(block);
    }

    /** The keys after {@code after} up to and including {@code last} (to the end if null), with their values. */
    List<Map.Entry<String, byte[]>> keysBetween(final String after, final String last) {
        final List<Map.Entry<String, byte[]>> page = new ArrayList<>();
        (last == null ? entries("SELECT key, value FROM state WHERE key > ? ORDER BY key", bytes(after))
                : entries("SELECT key, value FROM state WHERE key > ? AND key <= ? ORDER BY key", bytes(after), bytes(last)))
                .forEachRemaining(page::add);
        return page;
    }

    /** The last block in the file, which another process (a running api) may have written since this one opened it. */
    long committedHeight() {
        return number("SELECT max(number) FROM blocks");
    }

    /** Waits until the file holds block {@code number}, whoever writes it; false if {@code millis} pass first. */
    boolean awaitCommitted(final long number, final long millis) throws InterruptedException {
        final long deadline = System.nanoTime() + millis * 1_000_000;
        while (committedHeight() < number) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Where a key was last written. */
    record LastWrite(long block, String txId) {}

    /** The block and transaction of a key's last write, if it has a value. */
    Optional<LastWrite> lastWrite(final String key) {
        final List<LastWrite> found = new ArrayList<>(1);
        query("SELECT block, tx_id FROM state WHERE key = ?", rs -> {
            if (rs.next()) {
                found.add(new LastWrite(rs.getLong(1), rs.getString(2)));
            }
        }, bytes(key));
        return found.stream().findFirst();
    }

    // --- the gateway's checkpoint: the next block to read is the one after the height

    @Override
    public OptionalLong getBlockNumber() {
        return height < 0 ? OptionalLong.empty() : OptionalLong.of(height + 1);
    }

    @Override
    public Optional<String> getTransactionId() {
        return Optional.empty();
    }

    // --- the contract reads only public state here

    @Override
    public Optional<byte[]> getPrivate(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not on blocks: read it on the peer");
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> privateRange(final String collection, final String startInclusive,
            final String endExclusive) {
        throw new UnsupportedOperationException("private data is not on blocks: read it on the peer");
    }

    @Override
    public long commit(final WriteSet writes) {
        throw new UnsupportedOperationException("the read model is written only by blocks");
    }
}
