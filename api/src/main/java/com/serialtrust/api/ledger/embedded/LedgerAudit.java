package com.serialtrust.api.ledger.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an embedded ledger end to end: every block's hash and its link to the one before, every
 * block's write set against its writes hash, and the world state against the last write of each key.
 * Run by {@code java -jar serialtrust-api.jar verify-ledger DIR}.
 */
public final class LedgerAudit {

    /** What the audit found: the number of blocks and keys checked, and every problem. */
    public record Report(long blocks, long keys, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private LedgerAudit() {}

    public static Report verify(final Path dataDir) {
        final Path file = dataDir.resolve(SqliteWorldState.FILE);
        if (!Files.isRegularFile(file)) {
            return new Report(0, 0, List.of("no embedded ledger at " + file));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false); // one read transaction: a consistent snapshot even while the api writes
            final List<String> problems = new ArrayList<>();
            final long blocks = chain(c, problems);
            final long keys = state(c, problems);
            c.rollback();
            return new Report(blocks, keys, problems);
        } catch (SQLException e) {
            return new Report(0, 0, List.of("cannot read the ledger: " + e.getMessage()));
        }
    }

    private static long chain(final Connection c, final List<String> problems) throws SQLException {
        byte[] previous = BlockChain.GENESIS_PREVIOUS;
        long expected = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT number, tx_id, at, writes_hash, previous_hash, hash, event_name,"
                        + " event_payload FROM blocks ORDER BY number");
                PreparedStatement pub = c.prepareStatement("SELECT key, value FROM history WHERE block = ? ORDER BY key");
                PreparedStatement priv = c.prepareStatement(
                        "SELECT collection, key, value_hash FROM private_writes WHERE block = ? ORDER BY collection, key")) {
            while (rs.next()) {
                final long number = rs.getLong(1);
                if (number != expected) {
                    problems.add("block " + expected + " is missing (found " + number + ")");
                }
                final byte[] writesHash = writesHash(pub, priv, number);
                if (!Arrays.equals(writesHash, rs.getBytes(4))) {
                    problems.add("block " + number + ": its writes do not match its writes hash");
                }
                if (!Arrays.equals(previous, rs.getBytes(5))) {
                    problems.add("block " + number + ": does not link to the block before it");
                }
                final String event = rs.getString(7);
                final byte[] hash = BlockChain.blockHash(rs.getBytes(5), number, rs.getString(2), rs.getString(3),
                        rs.getBytes(4), event == null ? "" : event, rs.getBytes(8));
                if (!Arrays.equals(hash, rs.getBytes(6))) {
                    problems.add("block " + number + ": hash " + HexFormat.of().formatHex(rs.getBytes(6))
                            + " should be " + HexFormat.of().formatHex(hash));
                }
                previous = rs.getBytes(6);
                expected = number + 1;
            }
        }
        return expected;
    }

    private static byte[] writesHash(final PreparedStatement pub, final PreparedStatement priv, final long block)
            throws SQLException {
        final BlockChain.Digest digest = new BlockChain.Digest();
        pub.setLong(1, block);
        try (ResultSet rs = pub.executeQuery()) {
            while (rs.next()) {
                digest.write(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), rs.getBytes(2));
            }
        }
        priv.setLong(1, block);
        try (ResultSet rs = priv.executeQuery()) {
            while (rs.next()) {
                digest.write(rs.getString(1) + "\u0000" + new String(rs.getBytes(2), java.nio.charset.StandardCharsets.UTF_8),
                        rs.getBytes(3));
            }
        }
        return digest.finish();
    }

    /** The world state must hold exactly the last write of every key, and nothing else. */
    private static long state(final Connection c, final List<String> problems) throws SQLException {
        long keys = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT h.key, h.value, s.value FROM history h"
                        + " LEFT JOIN state s ON s.key = h.key"
                        + " WHERE h.block = (SELECT MAX(block) FROM history x WHERE x.key = h.key)")) {
            while (rs.next()) {
                keys++;
                if (!Arrays.equals(rs.getBytes(2), rs.getBytes(3))) {
                    problems.add("state of key " + printable(rs.getBytes(1)) + " differs from its last committed write");
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state WHERE key NOT IN (SELECT key FROM history)")) {
            if (rs.next() && rs.getLong(1) > 0) {
                problems.add(rs.getLong(1) + " state keys were never written by a block");
            }
        }
        return keys;
    }

    private static String printable(final byte[] key) {
        return new String(key, java.nio.charset.StandardCharsets.UTF_8).replace('\u0000', '/');
    }
}
