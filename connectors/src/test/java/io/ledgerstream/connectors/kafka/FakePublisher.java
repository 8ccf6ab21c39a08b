package io.ledgerstream.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A publisher that keeps what it is given, acknowledges everything and remembers being closed. */
public final class FakePublisher<K, V> implements RecordPublisher<K, V> {

    private final List<Map.Entry<K, V>> published = new ArrayList<>();
    private boolean closed;

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
    public void close() {
        closed = true;
    }

    public List<Map.Entry<K, V>> published() {
        return published;
    }

    public List<V> values() {
        return published.stream().map(Map.Entry::getValue).toList();
    }

    public boolean closed() {
        return closed;
    }
}
