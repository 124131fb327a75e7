package com.serialtrust.sim;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed state a simulated peer reads from: public keys and values, their history, and
 * private data collections. Writes arrive only as whole committed transactions, so an
 * implementation can make each one atomic.
 */
public interface WorldState {

    /** The committed value of a public key. */
    Optional<byte[]> get(String key);

    /** Committed public entries with {@code startInclusive <= key < endExclusive}, in key order. */
    Iterator<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive);

    /** At most {@code limit} of {@link #range}'s entries: a page reads no further than it shows. */
    default Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive, final int limit) {
        final Iterator<Map.Entry<String, byte[]>> all = range(startInclusive, endExclusive);
        return new Iterator<>() {
            private int left = limit;

            @Override
            public boolean hasNext() {
                return left > 0 && all.hasNext();
            }

            @Override
            public Map.Entry<String, byte[]> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                left--;
                return all.next();
            }
        };
    }

    /** Every committed change of a key, newest first, as Fabric's history database returns it. */
    List<Change> history(String key);

    /** The committed value of a key in a private data collection. */
    Optional<byte[]> getPrivate(String collection, String key);

    /** Committed private entries of a collection with {@code startInclusive <= key < endExclusive}. */
    Iterator<Map.Entry<String, byte[]>> privateRange(String collection, String startInclusive, String endExclusive);

    /** Applies a transaction's writes atomically and returns the number of the block that holds it. */
    long commit(WriteSet writes);

    /** The number of the last committed block, or -1 if none. */
    long height();

    /** One committed change of a key; an empty value means the key was deleted. */
    record Change(String txId, Instant timestamp, Optional<byte[]> value) {}

    /** SHA-256, as a peer hashes private values and transaction ids. */
    static byte[] sha256(final byte[] data) {
        return newSha256().digest(data);
    }

    /** A new SHA-256 digest, for data hashed in parts. */
    static java.security.MessageDigest newSha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
