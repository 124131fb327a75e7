package com.serialtrust.api.verify;

/**
 * Which items a ledger event touched since a read of them began: the verification cache's guard against
 * caching what an event has just changed. Per slot of a fixed table, the sequence number of the last
 * event about any item that hashes to it. It never misses an event (a slot only grows); items that
 * share a slot are only left uncached a little more often. A burst of events (a batch registered, a read
 * model catching up from block 0) allocates and keeps nothing: the map it replaces held up to 100,000
 * entries, each alive long enough to reach the old generation, and to die there. Not thread-safe: the
 * cache guards it.
 */
final class Touches {

    /** 64 Ki slots, 512 KB. */
    static final int SLOTS = 1 << 16;

    private final long[] last = new long[SLOTS];

    /** Records that the event numbered {@code sequence} touched {@code item}. */
    void touch(final String item, final long sequence) {
        final int slot = slot(item);
        last[slot] = Math.max(last[slot], sequence);
    }

    /** Whether an event after the one numbered {@code sequence} may have touched {@code item}. */
    boolean since(final String item, final long sequence) {
        return last[slot(item)] > sequence;
    }

    private static int slot(final String item) {
        final int h = item.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
