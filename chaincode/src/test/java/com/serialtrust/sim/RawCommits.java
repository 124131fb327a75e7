package com.serialtrust.sim;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * State as an older contract wrote it, committed directly: for tests that show a ledger written then
 * still reads. (In the simulator's package, whose write sets only a transaction may otherwise fill.)
 */
public final class RawCommits {

    private RawCommits() {}

    /** Commits public writes and one collection's private writes (an empty value deletes) as one transaction. */
    public static long commit(final WorldState state, final String txId, final Instant at,
            final Map<String, Optional<byte[]>> publicWrites, final String collection,
            final Map<String, Optional<byte[]>> privateWrites) {
        final WriteSet writes = new WriteSet(txId, at);
        publicWrites.forEach((key, value) -> value.ifPresentOrElse(v -> writes.put(key, v), () -> writes.delete(key)));
        privateWrites.forEach((key, value) -> value.ifPresentOrElse(v -> writes.putPrivate(collection, key, v),
                () -> writes.deletePrivate(collection, key)));
        return state.commit(writes);
    }
}
