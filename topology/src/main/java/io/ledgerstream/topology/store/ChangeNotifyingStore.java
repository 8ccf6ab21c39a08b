package io.ledgerstream.topology.store;

import io.ledgerstream.topology.StoreNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A user-keyed store ({@code userId|…} keys) that tells {@link CommittedChanges} which users' entries
 * it changed, once per commit of its task, and when it is (re)opened. Writes and reads go straight
 * through. Like {@link DecodedValueCache} it extends Streams' internal {@link WrappedStateStore}: a
 * task's commit first flushes the caches of its stores ({@link #flushCache}, in
 * {@code StreamTask.prepareCommit}, before the producer's transaction commits), and that is where
 * this layer tells. ({@code StateStore.commit(Map)} would read better, but Streams 4.3 calls it only
 * when it checkpoints, after the transaction and under exactly-once only every 10,000 records.)
 */
public final class ChangeNotifyingStore<V>
        extends PassThroughLayer<V> {

    private final CommittedChanges changes;
    private final Set<String> changedUsers = new HashSet<>();

    ChangeNotifyingStore(TimestampedKeyValueStore<String, V> wrapped, CommittedChanges changes) {
        super(wrapped);
        this.changes = changes;
    }

    /** A builder of {@code inner}'s store with this layer in front of it. */
    public static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> inFrontOf(
            StoreBuilder<TimestampedKeyValueStore<String, V>> inner, CommittedChanges changes) {
        return new StoreLayer<>(inner, store -> new ChangeNotifyingStore<>(store, changes));
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        synchronized (changedUsers) {
            changedUsers.clear();
        }
        changes.reopened(name());
    }

    @Override
    public void flushCache() {
        super.flushCache();
        Set<String> committed;
        synchronized (changedUsers) {
            if (changedUsers.isEmpty()) {
                return;
            }
            committed = Set.copyOf(changedUsers);
            changedUsers.clear();
        }
        changes.committing(name(), committed);
    }

    @Override
    public void put(String key, ValueAndTimestamp<V> value) {
        wrapped().put(key, value);
        changed(key);
    }

    @Override
    public ValueAndTimestamp<V> putIfAbsent(String key, ValueAndTimestamp<V> value) {
        ValueAndTimestamp<V> previous = wrapped().putIfAbsent(key, value);
        changed(key);
        return previous;
    }

    @Override
    public void putAll(List<KeyValue<String, ValueAndTimestamp<V>>> entries) {
        wrapped().putAll(entries);
        entries.forEach(entry -> changed(entry.key));
    }

    @Override
    public ValueAndTimestamp<V> delete(String key) {
        ValueAndTimestamp<V> previous = wrapped().delete(key);
        changed(key);
        return previous;
    }

    private void changed(String key) {
        int end = key.indexOf(StoreNames.SEPARATOR);
        synchronized (changedUsers) {
            changedUsers.add(end < 0 ? key : key.substring(0, end));
        }
    }
}
