package io.ledgerstream.topology.store;

import io.ledgerstream.schemas.serde.TrustedClasses;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.TimestampedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A timestamped key-value store that keeps the values it last read or wrote, as objects, for the
 * stores the topology reads on every transaction (a user's settings, month summaries, spending
 * baselines), and holds its writes back, decoded, until Streams flushes its caches. Kafka Streams'
 * record cache holds serialized bytes, so each read of a hot key would decode its Avro value again
 * (the topology reads about fifteen per transaction) and each write would encode it again, though
 * the record cache keeps only the last write of a key per commit; Streams has no cache of decoded
 * values, hence this layer.
 *
 * <p>It sits above Streams' own layers (metered, change-logging, RocksDB). A put or delete
 * stays here, with the record context it was made in, until the task flushes its stores' caches
 * ({@link #flushCache}, in {@code StreamTask.prepareCommit}, before the producer's transaction
 * commits), flushes them for a checkpoint ({@link #flush}), until the key falls out of the least
 * recently used bound, or, while the task keeps up with its input (the record it processes is less
 * than {@value #CATCHING_UP_MS} ms old), until {@value #HOLD_MS} ms of the task's clock have passed
 * since the key's first held write (the store's next put writes it down: a commit then has only its
 * last few milliseconds of writes to write down, and records that arrive during a commit wait less);
 * then the last write of each key goes down, encoded once, under the context it was made in, so the
 * layers below (the changelog and RocksDB; the topology builds these stores without Streams' record
 * cache) get what they would have got from Streams' own cache: the last value of each key, in the
 * same transaction. Scans from the stream thread write everything held down first. An interactive
 * query of one key, from another thread, is answered from the values kept here if its key is among
 * them (as Streams' caching store answers from its record cache: what the task has processed, held or
 * not), else from the layers below, without keeping it; other queries read the layers below, so they
 * see what was written down, at most one commit interval old. On close nothing held is written: a
 * task closed without a commit (an aborted transaction) must lose its writes. Outside a task (a store initialized with a context
 * that is not Streams' own, as in unit tests of processors) it writes through at once.
 *
 * <p>It remembers absent keys too. It is dropped whenever Streams clears its own caches (a task
 * recycled between active and standby, whose restoration writes below this layer), on init and on
 * close (a task revived after an aborted transaction re-opens its stores). Values are shared, not
 * copied: processors must treat what they get and put as immutable, as the topology's processors do
 * (they build new values). And a value put must equal what reading it back would give, or a later get
 * from memory would differ from one from disk: decimals at the schema's scale (4), timestamps in whole
 * milliseconds. With assertions on, as in the tests, every put checks this against an Avro copy, which
 * converts exactly as a round trip does. At most {@code maxEntries} keys per store and task, least
 * recently used out. Reads from other threads (interactive queries) are synchronized with the
 * stream thread.
 *
 * <p>It extends Streams' {@link WrappedStateStore} (an internal class) because the state manager
 * flushes and clears caches only through stores of that family, and it sets the record context of
 * Streams' internal {@link InternalProcessorContext} while writing down, as Streams' own caching
 * store does when it flushes; everything else is delegated.
 */
public final class DecodedValueCache<V>
        extends PassThroughLayer<V> {

    /**
     * How long a key's writes are held after its first, in milliseconds of the task's clock: long
     * enough that a busy user's summary is written down once for several transactions, short against
     * the commit interval (100 ms).
     */
    static final long HOLD_MS = 20;
    /**
     * How old, in milliseconds of the task's clock, the record being processed must be for the task to
     * count as catching up on a backlog: then writes are held until the commit, where each key's many
     * writes go down once (the most records per second), rather than for {@link #HOLD_MS} (the least
     * wait for records that arrive during a commit). Records carry the time they were produced.
     */
    static final long CATCHING_UP_MS = 1_000;

    /** Stands for a key the store does not hold. */
    private static final Object ABSENT = new Object();

    private final Map<String, Object> values;
    /**
     * Writes made here and not yet below, by key, in the order of the keys' first writes; each value
     * is also in {@link #values}, and kept here too so writing down need not look it up there.
     */
    private final Map<String, HeldWrite<V>> held = new LinkedHashMap<>();
    /** Streams' context of the task, when writes are held back; null when they go through at once. */
    private InternalProcessorContext<?, ?> task;
    /** The thread that last wrote: the task's stream thread. */
    private Thread writer;

    DecodedValueCache(TimestampedKeyValueStore<String, V> wrapped, int maxEntries) {
        super(wrapped);
        this.values = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                if (size() <= maxEntries) {
                    return false;
                }
                HeldWrite<V> write = held.remove(eldest.getKey());
                if (write != null) {
                    writeDown(eldest.getKey(), write);
                }
                return true;
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
        assert value == null || readsBackTheSame(value.value())
                : name() + ": " + value.value() + " would read back as something else (a decimal off the schema's scale?)";
        if (task == null) {
            wrapped().put(key, value);
            values.put(key, value == null ? ABSENT : value);
            return;
        }
        writer = Thread.currentThread();
        long now = task.currentSystemTimeMs();
        ProcessorRecordContext made = task.recordContext();
        HeldWrite<V> earlier = held.get(key);
        // a key written again keeps its place, and the time of its first write
        held.put(key, new HeldWrite<>(value, made, earlier == null ? now : earlier.since()));
        values.put(key, value == null ? ABSENT : value);
        boolean catchingUp = made != null && now - made.timestamp() >= CATCHING_UP_MS;
        if (!catchingUp) {
            writeDownHeldSince(now - HOLD_MS);
        }
    }

    /** Writes down the held writes whose keys were first written at or before {@code time}, oldest first. */
    private void writeDownHeldSince(long time) {
        Iterator<Map.Entry<String, HeldWrite<V>>> oldestFirst = held.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, HeldWrite<V>> write = oldestFirst.next();
            if (write.getValue().since() > time) {
                return;
            }
            oldestFirst.remove();
            writeDown(write.getKey(), write.getValue());
        }
    }

    /**
     * Answers a {@link KeyQuery} or {@link TimestampedKeyQuery} (an interactive query, from another
     * thread) from the values kept here when the key is among them, as Streams' own caching store
     * answers from its record cache; anything else, a key not kept, or a query bound to a position,
     * goes to the layers below. A query never adds to what is kept: that could push a held write out,
     * and writing down is the stream thread's.
     */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        if (positionBound.isUnbounded()) {
            if (query instanceof KeyQuery<?, ?> key) {
                Object kept = kept(key.getKey());
                if (kept != null) {
                    return answer(kept == ABSENT ? null : cast(kept).value());
                }
            } else if (query instanceof TimestampedKeyQuery<?, ?> key) {
                Object kept = kept(key.key());
                if (kept != null) {
                    return answer(kept == ABSENT ? null : cast(kept));
                }
            }
        }
        return super.query(query, positionBound, config);
    }

    /** The value kept for {@code key}, {@link #ABSENT}, or null if it is not kept. */
    private synchronized Object kept(Object key) {
        return values.get(key);
    }

    @SuppressWarnings("unchecked")
    private static <R> QueryResult<R> answer(Object result) {
        return (QueryResult<R>) QueryResult.forResult(result);
    }

    @Override
    public synchronized ValueAndTimestamp<V> putIfAbsent(String key, ValueAndTimestamp<V> value) {
        ValueAndTimestamp<V> previous = get(key);
        if (previous == null) {
            put(key, value);
        }
        return previous;
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, ValueAndTimestamp<V>>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized ValueAndTimestamp<V> delete(String key) {
        ValueAndTimestamp<V> previous = get(key);
        put(key, null);
        return previous;
    }

    @Override
    public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> range(String from, String to) {
        writeDownHeldForScan();
        return super.range(from, to);
    }

    @Override
    public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> reverseRange(String from, String to) {
        writeDownHeldForScan();
        return super.reverseRange(from, to);
    }

    @Override
    public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> all() {
        writeDownHeldForScan();
        return super.all();
    }

    @Override
    public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> reverseAll() {
        writeDownHeldForScan();
        return super.reverseAll();
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<String, ValueAndTimestamp<V>> prefixScan(
            P prefix, PS prefixKeySerializer) {
        writeDownHeldForScan();
        return super.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public synchronized long approximateNumEntries() {
        writeDownHeldForScan();
        return super.approximateNumEntries();
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        values.clear();
        held.clear();
        task = context instanceof InternalProcessorContext<?, ?> internal ? internal : null;
        super.init(context, root);
    }

    @Override
    public synchronized void flushCache() {
        writeDownHeld();
        super.flushCache();
    }

    @Override
    public synchronized void flush() {
        writeDownHeld();
        super.flush();
    }

    @Override
    public synchronized void clearCache() {
        values.clear();
        held.clear();
        super.clearCache();
    }

    @Override
    public synchronized void close() {
        values.clear();
        held.clear();
        super.close();
    }

    /** How many keys it holds now; for tests. */
    synchronized int size() {
        return values.size();
    }

    /** How many writes it holds back now; for tests. */
    synchronized int held() {
        return held.size();
    }

    private void writeDownHeldForScan() {
        if (!held.isEmpty() && Thread.currentThread() == writer) {
            writeDownHeld();
        }
    }

    /** Writes every held write down, in the order of the keys' first writes since the last time. */
    private void writeDownHeld() {
        if (held.isEmpty()) {
            return;
        }
        try {
            held.forEach(this::writeDown);
        } finally {
            held.clear();
        }
    }

    /** Writes {@code write} of {@code key} to the layers below under the record context it was made in. */
    private void writeDown(String key, HeldWrite<V> write) {
        ProcessorRecordContext current = task.recordContext();
        task.setRecordContext(write.made());
        try {
            wrapped().put(key, write.value());
        } finally {
            task.setRecordContext(current);
        }
    }

    /** Whether {@code value} equals what reading it back from the store would give. */
    static boolean readsBackTheSame(Object value) {
        if (!(value instanceof SpecificRecord record)) {
            return true;
        }
        TrustedClasses.ensure(); // deepCopy finds classes by their schemas' names
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

    /** A value put ({@code null} for a delete), the record context it was put in, and when its key was first held. */
    private record HeldWrite<V>(ValueAndTimestamp<V> value, ProcessorRecordContext made, long since) {
    }

    @SuppressWarnings("unchecked")
    private ValueAndTimestamp<V> cast(Object cached) {
        return (ValueAndTimestamp<V>) cached;
    }
}
