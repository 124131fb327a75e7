package com.serialtrust.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** The iterators a simulated peer answers queries with: key-value pages, ranges and key histories. */
final class Results {

    private Results() {}

    /** An item's changes, newest first, as a peer's history database answers them. */
    static QueryResultsIterator<KeyModification> history(final List<WorldState.Change> changes) {
        final List<KeyModification> out = new ArrayList<>(changes.size());
        for (WorldState.Change change : changes) {
            out.add(new Modification(change));
        }
        return new ListIterator<>(out.iterator());
    }

    static QueryResultsIterator<KeyValue> iterator(final Iterator<Map.Entry<String, byte[]>> entries) {
        return new ListIterator<>(map(entries, Entry::new));
    }

    static QueryResultsIteratorWithMetadata<KeyValue> page(
            final Iterator<Map.Entry<String, byte[]>> entries, final int pageSize) {
        final List<KeyValue> results = new ArrayList<>();
        String bookmark = "";
        while (entries.hasNext()) {
            final Map.Entry<String, byte[]> entry = entries.next();
            if (results.size() == pageSize) {
                bookmark = entry.getKey();
                break;
            }
            results.add(new Entry(entry));
        }
        final QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(results.size())
                .setBookmark(bookmark)
                .build();
        return new PageIterator(results, metadata);
    }

    private static <A, B> Iterator<B> map(final Iterator<A> source, final Function<A, B> mapper) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public B next() {
                return mapper.apply(source.next());
            }
        };
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        Entry(final Map.Entry<String, byte[]> entry) {
            this(entry.getKey(), entry.getValue());
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }
    }

    private record Modification(WorldState.Change change) implements KeyModification {
        @Override
        public String getTxId() {
            return change.txId();
        }

        @Override
        public byte[] getValue() {
            return change.value().map(byte[]::clone).orElse(new byte[0]);
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return change.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return change.value().isEmpty();
        }
    }

    private static class ListIterator<T> implements QueryResultsIterator<T> {
        private final Iterator<T> items;

        ListIterator(final Iterator<T> items) {
            this.items = items;
        }

        @Override
        public Iterator<T> iterator() {
            return items;
        }

        @Override
        public void close() {
            // nothing is held open
        }
    }

    private static final class PageIterator extends ListIterator<KeyValue> implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final QueryResponseMetadata metadata;

        PageIterator(final List<KeyValue> results, final QueryResponseMetadata metadata) {
            super(Collections.unmodifiableList(results).iterator());
            this.metadata = metadata;
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }
    }
}
