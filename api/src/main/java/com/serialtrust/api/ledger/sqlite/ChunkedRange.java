package com.serialtrust.api.ledger.sqlite;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A range read a chunk at a time, each chunk starting just after the last key read, so that a query
 * that stops early (a page, a bounded search) never loads the rest of the range. Each chunk is one read
 * of committed state, as each single get is: never a half commit.
 */
final class ChunkedRange implements Iterator<Map.Entry<String, byte[]>> {

    /** Reads at most {@code limit} entries of {@code [start, end)}, in key order. */
    interface Reader {
        Iterator<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive, int limit);
    }

    private final Reader reader;
    private final String endExclusive;
    private final int size;
    private Iterator<Map.Entry<String, byte[]>> chunk;
    private int readInChunk;
    private String last;

    ChunkedRange(final Reader reader, final String startInclusive, final String endExclusive, final int size) {
        this.reader = reader;
        this.endExclusive = endExclusive;
        this.size = size;
        this.chunk = reader.range(startInclusive, endExclusive, size);
    }

    @Override
    public boolean hasNext() {
        if (!chunk.hasNext() && readInChunk == size) {
            // the smallest key after the last one read: its UTF-8 bytes and one zero byte
            chunk = reader.range(last + "\u0000", endExclusive, size);
            readInChunk = 0;
        }
        return chunk.hasNext();
    }

    @Override
    public Map.Entry<String, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        final Map.Entry<String, byte[]> entry = chunk.next();
        readInChunk++;
        last = entry.getKey();
        return entry;
    }
}
