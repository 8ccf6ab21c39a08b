package io.ledgerstream.topology.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.Task.TaskType;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The user-keyed stores of one Kafka Streams instance's tasks, by name and partition, as the tasks
 * open and close them: for interactive queries that know the partition of their key. Kafka Streams
 * finds a partition's store by listing every task of every stream thread, on every query
 * ({@code KafkaStreams#query} and the stores of {@code KafkaStreams#store} alike), and that list copies
 * the state updater's tasks under its lock: under 50 concurrent requests for one user, that lock was
 * where the API's threads queued, and the listing took two thirds of the reading's CPU (see
 * docs/benchmarks.md, "Open stores"). Kafka Streams offers no public handle on a task's store, hence
 * this.
 *
 * <p>{@link #active} gives a store only while its task is active on this instance, as Streams' own
 * {@code requireActive()} does; the caller checks that the instance is {@code RUNNING} (its threads
 * too, then), as Streams checks the thread. A store its task closes leaves at once; a query that
 * raced with the close gets a failed result (Streams' stores answer a query on a closed store with a
 * failure), as it would through {@code KafkaStreams#query}. A task moved between active and standby
 * keeps its store open here, and {@link #active} follows the task's current kind.
 */
public final class OpenStores {

    private final ConcurrentMap<Key, Registered<?>> open = new ConcurrentHashMap<>();

    /** A builder of {@code inner}'s store that enters this registry while its task has it open. */
    public <V> StoreBuilder<TimestampedKeyValueStore<String, V>> register(
            StoreBuilder<TimestampedKeyValueStore<String, V>> inner) {
        return new StoreLayer<>(inner, store -> new Registered<>(store, this));
    }

    /**
     * The store {@code name} of partition {@code partition}'s task, if that task is open here and
     * active; the outermost layer, to be asked with {@link StateStore#query}.
     */
    public Optional<StateStore> active(String name, int partition) {
        Registered<?> store = open.get(new Key(name, partition));
        return store != null && store.active() ? Optional.of(store) : Optional.empty();
    }

    private record Key(String name, int partition) {
    }

    /** The outermost layer of a registered store: enters on init, leaves on close; all else passes through. */
    private static final class Registered<V> extends PassThroughLayer<V> {

        private final OpenStores registry;
        /** Streams' context of the task while open in a task; null otherwise (and outside Streams). */
        private volatile InternalProcessorContext<?, ?> task;
        private Key key;

        Registered(TimestampedKeyValueStore<String, V> wrapped, OpenStores registry) {
            super(wrapped);
            this.registry = registry;
        }

        boolean active() {
            InternalProcessorContext<?, ?> context = task;
            return context != null && context.taskType() == TaskType.ACTIVE;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            super.init(context, root);
            if (context instanceof InternalProcessorContext<?, ?> internal) {
                key = new Key(name(), context.taskId().partition());
                task = internal;
                registry.open.put(key, this);
            }
        }

        @Override
        public void close() {
            if (key != null) {
                registry.open.remove(key, this);
                task = null;
            }
            super.close();
        }

        @Override
        public void put(String key, ValueAndTimestamp<V> value) {
            wrapped().put(key, value);
        }

        @Override
        public ValueAndTimestamp<V> putIfAbsent(String key, ValueAndTimestamp<V> value) {
            return wrapped().putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, ValueAndTimestamp<V>>> entries) {
            wrapped().putAll(entries);
        }

        @Override
        public ValueAndTimestamp<V> delete(String key) {
            return wrapped().delete(key);
        }
    }
}
