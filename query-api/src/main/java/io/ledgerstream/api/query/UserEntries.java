package io.ledgerstream.api.query;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The values of one user's entries across the store iterators of one or more partitions, in each
 * iterator's order (a user lives in one partition, so that is the key order). Closing it closes every
 * iterator. Keys are checked against the user's prefix, a guard against malformed keys: the ranges
 * asked for select exactly the user's entries.
 */
final class UserEntries<V> implements Iterator<V>, AutoCloseable {

    private final List<KeyValueIterator<String, V>> iterators;
    private final String prefix;
    private int current;
    private V next;

    UserEntries(List<KeyValueIterator<String, V>> iterators, String prefix) {
        this.iterators = List.copyOf(iterators);
        this.prefix = prefix;
    }

    @Override
    public boolean hasNext() {
        while (next == null && current < iterators.size()) {
            KeyValueIterator<String, V> iterator = iterators.get(current);
            if (!iterator.hasNext()) {
                current++;
                continue;
            }
            KeyValue<String, V> entry = iterator.next();
            if (entry.key.startsWith(prefix) && entry.value != null) {
                next = entry.value;
            }
        }
        return next != null;
    }

    @Override
    public V next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        V value = next;
        next = null;
        return value;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (KeyValueIterator<String, V> iterator : iterators) {
            try {
                iterator.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
