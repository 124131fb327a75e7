package com.serialtrust.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** World state held in memory: for tests and for ledgers that need not outlive the process. */
public final class InMemoryWorldState implements WorldState {

    private final DerivedKeys derived;

    private final NavigableMap<String, byte[]> state = new TreeMap<>();
    private final Map<String, List<Change>> history = new HashMap<>();
    private final Map<String, NavigableMap<String, byte[]>> collections = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long height = -1;

    /** A state that holds exactly what transactions wrote. */
    public InMemoryWorldState() {
        this(DerivedKeys.none());
    }

    /** A state that adds {@code derived}'s keys beside each committed write. */
    public InMemoryWorldState(final DerivedKeys derived) {
        this.derived = java.util.Objects.requireNonNull(derived, "derived");
    }

    @Override
    public Optional<byte[]> get(final String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(state.get(key)).map(byte[]::clone);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> range(final String startInclusive, final String endExclusive) {
        return snapshot(state, startInclusive, endExclusive);
    }

    @Override
    public List<Change> history(final String key) {
        lock.readLock().lock();
        try {
            final List<Change> changes = new ArrayList<>(history.getOrDefault(key, List.of()));
            Collections.reverse(changes);
            return changes;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<byte[]> getPrivate(final String collection, final String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(collections.getOrDefault(collection, Collections.emptyNavigableMap()).get(key))
                    .map(byte[]::clone);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Iterator<Map.Entry<String, byte[]>> privateRange(
            final String collection, final String startInclusive, final String endExclusive) {
        return snapshot(collections.getOrDefault(collection, Collections.emptyNavigableMap()), startInclusive, endExclusive);
    }

    private Iterator<Map.Entry<String, byte[]>> snapshot(
            final NavigableMap<String, byte[]> map, final String startInclusive, final String endExclusive) {
        lock.readLock().lock();
        try {
            final String end = endExclusive.isEmpty() ? null : endExclusive;
            final NavigableMap<String, byte[]> view = end == null
                    ? map.tailMap(startInclusive, true)
                    : map.subMap(startInclusive, true, end, false);
            // copied so that a reader never sees a later commit half-way through its scan
            return new ArrayList<>(new TreeMap<>(view).entrySet()).iterator();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long commit(final WriteSet writes) {
        lock.writeLock().lock();
        try {
            writes.publicWrites().forEach((key, value) -> {
                if (value.isPresent()) {
                    state.put(key, value.get());
                    derived.of(key, value.get()).forEach(k -> state.putIfAbsent(k, DerivedKeys.VALUE.clone()));
                } else {
                    state.remove(key);
                }
                history.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Change(writes.txId(), writes.timestamp(), value));
            });
            writes.privateWrites().forEach((collection, entries) -> {
                final NavigableMap<String, byte[]> target = collections.computeIfAbsent(collection, c -> new TreeMap<>());
                entries.forEach((key, value) -> {
                    if (value.isPresent()) {
                        target.put(key, value.get());
                    } else {
                        target.remove(key);
                    }
                });
            });
            return ++height;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long height() {
        lock.readLock().lock();
        try {
            return height;
        } finally {
            lock.readLock().unlock();
        }
    }
}
