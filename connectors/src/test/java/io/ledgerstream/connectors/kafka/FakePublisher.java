package io.ledgerstream.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A publisher that keeps what it is given, acknowledges everything and remembers being committed
 * and closed. As a {@link TransactionalPublisher} it keeps what was published even when closed
 * uncommitted: tests check {@link #committed()}.
 */
public final class FakePublisher<K, V> implements TransactionalPublisher<K, V> {

    private final List<Map.Entry<K, V>> published = new ArrayList<>();
    private boolean closed;
    private boolean committed;

    @Override
    public void publish(K key, V value) {
        if (closed) {
            throw new IllegalStateException("published after close");
        }
        published.add(Map.entry(key, value));
    }

    @Override
    public long flush() {
        return published.size();
    }

    @Override
    public long commit() {
        committed = true;
        return published.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<Map.Entry<K, V>> published() {
        return published;
    }

    public List<V> values() {
        return published.stream().map(Map.Entry::getValue).toList();
    }

    public boolean committed() {
        return committed;
    }

    public boolean closed() {
        return closed;
    }
}
