package com.serialtrust.api.ledger.fabric;

import com.serialtrust.sim.WorldState;
import com.serialtrust.sim.WriteSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model as one query's contract sees it: public state as committed, and private data as
 * absent, while noting that it was asked for. A query that read private data has no answer here
 * (the peer holds that data), and goes to the peer instead.
 */
final class PublicView implements WorldState {

    private final ReadModel model;
    private boolean askedForPrivateData;

    PublicView(final ReadModel model) {
        this.model = model;
    }

    /** Whether the query asked for private data, so that its answer from here is incomplete. */
    boolean askedForPrivateData() {
        return askedForPrivateData;
    }

    @Override
    public Optional<byte[]> get(final String key) {
        return model.get(key);
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive) {
        return model.range(startInclusive, endExclusive);
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive, final int limit) {
        return model.range(startInclusive, endExclusive, limit);
    }

    @Override
    public List<Change> history(final String key) {
        return model.history(key);
    }

    @Override
    public Optional<byte[]> getPrivate(final String collection, final String key) {
        askedForPrivateData = true;
        return Optional.empty();
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> privateRange(final String collection, final String startInclusive,
            final String endExclusive) {
        askedForPrivateData = true;
        return Collections.emptyIterator();
    }

    @Override
    public long commit(final WriteSet writes) {
        throw new UnsupportedOperationException("a query commits nothing");
    }

    @Override
    public long height() {
        return model.height();
    }
}
