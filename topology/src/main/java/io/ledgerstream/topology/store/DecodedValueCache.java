package io.ledgerstream.topology.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A timestamped key-value store that keeps the values it last read or wrote, as objects, for the
 * stores the topology reads on every transaction (a user's settings, month summaries, spending
 * baselines). Kafka Streams' record cache holds serialized bytes, so each read of a hot key would
 * decode its Avro value again, and the topology reads about fifteen per transaction; Streams has no
 * cache of decoded values, hence this layer.
 *
 * <p>It sits above Streams' own layers (metered, caching, change-logging, RocksDB) and never holds a
 * write back: every put and delete goes through at once, so the changelog, RocksDB, the record cache
 * and interactive queries see exactly what they would without it, and exactly-once is unchanged. It
 * remembers absent keys too. It is dropped whenever Streams clears its own caches (a task recycled
 * between active and standby, whose restoration writes below this layer), on init and on close (a
 * task revived after an aborted transaction re-opens its stores). Values are shared, not copied:
 * processors must treat what they get and put as immutable, as the topology's processors do (they
 * build new values). And a value put must equal what reading it back would give, or a later get from
 * memory would differ from one from disk: decimals at the schema's scale (4), timestamps in whole
 * milliseconds. With assertions on, as in the tests, every put checks this against an Avro copy,
 * which converts exactly as a round trip does. At most {@code maxEntries} keys per store and task, least recently used out.
 * Reads from other threads (interactive queries through {@code KafkaStreams#store}) are
 * synchronized with the stream thread.
 *
 * <p>It extends Streams' {@link WrappedStateStore} (an internal class) because the state manager
 * flushes and clears caches only through stores of that family; everything else is delegated.
 */
public final class DecodedValueCache<V>
        extends PassThroughLayer<V> {

    /** Stands for a key the store does not hold. */
    private static final Object ABSENT = new Object();

    private final Map<String, Object> values;

    DecodedValueCache(TimestampedKeyValueStore<String, V> wrapped, int maxEntries) {
        super(wrapped);
        this.values = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * A builder of {@code inner}'s store with this cache in front of it, keeping at most
     * {@code maxEntries} values per task.
     */
    public static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> inFrontOf(
            StoreBuilder<TimestampedKeyValueStore<String, V>> inner, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        return new StoreLayer<>(inner, store -> new DecodedValueCache<>(store, maxEntries));
    }

    @Override
    public synchronized ValueAndTimestamp<V> get(String key) {
        Object cached = values.get(key);
        if (cached != null) {
            return cached == ABSENT ? null : cast(cached);
        }
        ValueAndTimestamp<V> stored = wrapped().get(key);
        values.put(key, stored == null ? ABSENT : stored);
        return stored;
    }

    @Override
    public synchronized void put(String key, ValueAndTimestamp<V> value) {
        wrapped().put(key, value);
        remember(key, value);
    }

    @Override
    public synchronized ValueAndTimestamp<V> putIfAbsent(String key, ValueAndTimestamp<V> value) {
        ValueAndTimestamp<V> previous = wrapped().putIfAbsent(key, value);
        remember(key, previous == null ? value : previous);
        return previous;
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, ValueAndTimestamp<V>>> entries) {
        wrapped().putAll(entries);
        entries.forEach(entry -> remember(entry.key, entry.value));
    }

    @Override
    public synchronized ValueAndTimestamp<V> delete(String key) {
        ValueAndTimestamp<V> previous = wrapped().delete(key);
        values.put(key, ABSENT);
        return previous;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        values.clear();
        super.init(context, root);
    }

    @Override
    public synchronized void clearCache() {
        values.clear();
        super.clearCache();
    }

    @Override
    public synchronized void close() {
        values.clear();
        super.close();
    }

    /** How many keys it holds now; for tests. */
    synchronized int size() {
        return values.size();
    }

    private void remember(String key, ValueAndTimestamp<V> value) {
        assert value == null || readsBackTheSame(value.value())
                : name() + ": " + value.value() + " would read back as something else (a decimal off the schema's scale?)";
        values.put(key, value == null ? ABSENT : value);
    }

    /** Whether {@code value} equals what reading it back from the store would give. */
    static boolean readsBackTheSame(Object value) {
        if (!(value instanceof SpecificRecord record)) {
            return true;
        }
        SpecificData model = SpecificData.getForClass(record.getClass());
        return same(model, record.getSchema(), record, model.deepCopy(record.getSchema(), record));
    }

    /** Structural equality by {@code schema}, decimals by {@link java.math.BigDecimal#equals} (scale counts). */
    private static boolean same(GenericData model, Schema schema, Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return switch (schema.getType()) {
            case RECORD -> schema.getFields().stream().allMatch(field -> same(model, field.schema(),
                    ((IndexedRecord) a).get(field.pos()), ((IndexedRecord) b).get(field.pos())));
            case ARRAY -> {
                List<?> left = (List<?>) a;
                List<?> right = (List<?>) b;
                yield left.size() == right.size() && java.util.stream.IntStream.range(0, left.size())
                        .allMatch(i -> same(model, schema.getElementType(), left.get(i), right.get(i)));
            }
            case MAP -> {
                Map<?, ?> left = (Map<?, ?>) a;
                Map<?, ?> right = (Map<?, ?>) b;
                yield left.keySet().equals(right.keySet()) && left.keySet().stream()
                        .allMatch(key -> same(model, schema.getValueType(), left.get(key), right.get(key)));
            }
            case UNION -> same(model, schema.getTypes().get(model.resolveUnion(schema, a)), a, b);
            default -> a.equals(b);
        };
    }

    @SuppressWarnings("unchecked")
    private ValueAndTimestamp<V> cast(Object cached) {
        return (ValueAndTimestamp<V>) cached;
    }
}
