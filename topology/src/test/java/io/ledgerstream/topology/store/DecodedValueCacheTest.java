package io.ledgerstream.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.TimestampedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache in front of a real Streams store (metered, in memory, String serdes): a value read from
 * the store below is a new String instance each time, so "the same instance" means "from the cache".
 */
class DecodedValueCacheTest {

    private DecodedValueCache<String> store;
    /** The task's context the store was opened with; its clock stands still unless a test moves it. */
    private InternalProcessorContext<?, ?> task;

    @BeforeEach
    void open() {
        store = (DecodedValueCache<String>) DecodedValueCache.inFrontOf(
                Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(), 2)
                .build();
        task = (InternalProcessorContext<?, ?>) new MockProcessorContext<>().getStateStoreContext();
        store.init(task, store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldHoldAWriteUntilStreamsFlushesItsCachesAndServeTheSameValueBack() {
        ValueAndTimestamp<String> value = ValueAndTimestamp.make(new String("groceries"), 7);

        store.put("ann|2026-01", value);

        assertThat(store.get("ann|2026-01")).isSameAs(value);
        TimestampedKeyValueStore<String, String> below = store.wrapped();
        assertThat(below.get("ann|2026-01")).isNull();
        assertThat(store.held()).isOne();

        store.flushCache();

        assertThat(below.get("ann|2026-01")).isEqualTo(value).isNotSameAs(value);
        assertThat(store.held()).isZero();
        assertThat(store.get("ann|2026-01")).isSameAs(value);
    }

    @Test
    void shouldWriteHeldWritesDownWhenStreamsFlushesForACheckpoint() {
        store.put("ann|2026-01", ValueAndTimestamp.make("groceries", 7));

        store.flush();

        assertThat(store.wrapped().get("ann|2026-01").value()).isEqualTo("groceries");
    }

    @Test
    void shouldDropHeldWritesOnClose() {
        // a task closed without a commit (an aborted transaction) must not write what it held
        AtomicInteger written = new AtomicInteger();
        DecodedValueCache<String> counted = (DecodedValueCache<String>) DecodedValueCache.inFrontOf(
                Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("counted"), Serdes.String(),
                                Serdes.serdeFrom((topic, value) -> {
                                    written.incrementAndGet();
                                    return value.getBytes(StandardCharsets.UTF_8);
                                }, new StringDeserializer()))
                        .withLoggingDisabled(), 2)
                .build();
        counted.init(new MockProcessorContext<>().getStateStoreContext(), counted);
        counted.put("ann|2026-01", ValueAndTimestamp.make("uncommitted", 7));

        counted.close();

        assertThat(counted.held()).isZero();
        assertThat(written).hasValue(0);
    }

    @Test
    void shouldDecodeAKeyOnceAndThenServeItFromMemory() {
        store.wrapped().put("ann|2026-01", ValueAndTimestamp.make("groceries", 7));

        ValueAndTimestamp<String> first = store.get("ann|2026-01");

        assertThat(first.value()).isEqualTo("groceries");
        assertThat(store.get("ann|2026-01")).isSameAs(first);
    }

    @Test
    void shouldAnswerAnInteractiveQueryFromMemoryWhenItKeepsTheKey() {
        ValueAndTimestamp<String> held = ValueAndTimestamp.make(new String("groceries"), 7);
        store.put("ann|2026-01", held);
        assertThat(store.get("bob|2026-01")).isNull();

        QueryResult<String> plain = store.query(KeyQuery.withKey("ann|2026-01"), PositionBound.unbounded(),
                new QueryConfig(false));
        QueryResult<ValueAndTimestamp<String>> timestamped = store.query(
                TimestampedKeyQuery.withKey("ann|2026-01"), PositionBound.unbounded(), new QueryConfig(false));
        QueryResult<String> absent = store.query(KeyQuery.withKey("bob|2026-01"), PositionBound.unbounded(),
                new QueryConfig(false));

        assertThat(store.wrapped().get("ann|2026-01")).isNull(); // still held: only memory has it
        assertThat(plain.isSuccess()).isTrue();
        assertThat(plain.getResult()).isSameAs(held.value());
        assertThat(timestamped.getResult()).isSameAs(held);
        assertThat(absent.isSuccess()).isTrue();
        assertThat(absent.getResult()).isNull();
    }

    @Test
    void shouldReadAnInteractiveQueryThroughWithoutKeepingTheKey() {
        store.wrapped().put("ann|2026-01", ValueAndTimestamp.make("groceries", 7));

        QueryResult<String> result = store.query(KeyQuery.withKey("ann|2026-01"), PositionBound.unbounded(),
                new QueryConfig(false));

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.getResult()).isEqualTo("groceries");
        assertThat(store.size()).isZero(); // a query from another thread never adds (nor pushes a held write out)
    }

    @Test
    void shouldRememberAbsentKeysUntilStreamsClearsItsCaches() {
        assertThat(store.get("ann|2026-01")).isNull();
        // a write below this layer, as restoration makes
        store.wrapped().put("ann|2026-01", ValueAndTimestamp.make("restored", 7));
        assertThat(store.get("ann|2026-01")).isNull();

        store.clearCache();

        assertThat(store.get("ann|2026-01").value()).isEqualTo("restored");
    }

    @Test
    void shouldForgetWhatItHeldWhenReopened() {
        store.put("ann|2026-01", ValueAndTimestamp.make("before", 7));
        store.wrapped().put("ann|2026-01", ValueAndTimestamp.make("restored", 8));

        store.init(new MockProcessorContext<>().getStateStoreContext(), store);

        assertThat(store.get("ann|2026-01").value()).isEqualTo("restored");
    }

    @Test
    void shouldDeleteThroughToTheStoreBelow() {
        store.put("ann|2026-01", ValueAndTimestamp.make("groceries", 7));
        store.flushCache();

        assertThat(store.delete("ann|2026-01").value()).isEqualTo("groceries");

        assertThat(store.get("ann|2026-01")).isNull();
        store.flushCache();
        assertThat(store.wrapped().get("ann|2026-01")).isNull();
    }

    @Test
    void shouldKeepWhatIsStoredOnPutIfAbsent() {
        ValueAndTimestamp<String> first = ValueAndTimestamp.make(new String("first"), 1);
        store.put("k", first);

        assertThat(store.putIfAbsent("k", ValueAndTimestamp.make("second", 2))).isEqualTo(first);
        assertThat(store.get("k")).isEqualTo(first);
        store.flushCache();
        assertThat(store.wrapped().get("k")).isEqualTo(first);

        ValueAndTimestamp<String> other = ValueAndTimestamp.make(new String("other"), 3);
        assertThat(store.putIfAbsent("j", other)).isNull();
        assertThat(store.get("j")).isSameAs(other);
    }

    @Test
    void shouldHoldAtMostItsBoundAndReadEvictedKeysFromBelow() {
        ValueAndTimestamp<String> a = ValueAndTimestamp.make(new String("a"), 1);
        store.putAll(List.of(KeyValue.pair("a", a), KeyValue.pair("b", ValueAndTimestamp.make("b", 2))));
        store.get("a"); // a is now the most recently used
        store.put("c", ValueAndTimestamp.make("c", 3));

        assertThat(store.size()).isEqualTo(2);
        // b fell out, and was written down as it did: the only held writes left are a's and c's
        assertThat(store.held()).isEqualTo(2);
        assertThat(store.wrapped().get("b").value()).isEqualTo("b");
        assertThat(store.get("a")).isSameAs(a);
        assertThat(store.get("b").value()).isEqualTo("b");
    }

    @Test
    void shouldWriteAWriteDownOnceItsKeyWasFirstWrittenLongEnoughAgo() {
        long hold = DecodedValueCache.HOLD_MS;
        TimestampedKeyValueStore<String, String> below = store.wrapped();
        putAt(0, "ann", "1");
        putAt(hold / 2, "bob", "1");
        putAt(hold - 1, "ann", "2"); // written again: still held since its first write

        assertThat(store.held()).isEqualTo(2);
        assertThat(below.get("ann")).isNull();

        putAt(hold, "bob", "2"); // ann's first write is now a hold old: its last value goes down

        assertThat(below.get("ann").value()).isEqualTo("2");
        assertThat(below.get("bob")).isNull();
        assertThat(store.held()).isOne();

        putAt(hold / 2 + hold, "ann", "3"); // and so is bob's, held since hold / 2

        assertThat(below.get("bob").value()).isEqualTo("2");
        assertThat(below.get("ann").value()).as("ann's new write is held anew").isEqualTo("2");
        assertThat(store.get("ann").value()).isEqualTo("3");
        assertThat(store.held()).isOne();
    }

    @Test
    void shouldHoldWritesUntilTheCommitWhileTheTaskCatchesUpOnABacklog() {
        long hold = DecodedValueCache.HOLD_MS;
        long now = 60_000;
        TimestampedKeyValueStore<String, String> below = store.wrapped();
        // records produced long before they are processed: the task is catching up
        long produced = now - DecodedValueCache.CATCHING_UP_MS;
        task.setRecordContext(new ProcessorRecordContext(produced, 1, 0, "in", new RecordHeaders()));
        putAt(now, "ann", "1");
        putAt(now + hold, "bob", "1");
        putAt(now + 2 * hold, "ann", "2");

        assertThat(below.get("ann")).as("held past the hold").isNull();
        assertThat(store.held()).isEqualTo(2);

        store.flushCache();

        assertThat(below.get("ann").value()).isEqualTo("2");
        assertThat(below.get("bob").value()).isEqualTo("1");

        // a record produced just now: the task has caught up, and holds for the hold again
        task.setRecordContext(new ProcessorRecordContext(now + 3 * hold, 2, 0, "in", new RecordHeaders()));
        putAt(now + 3 * hold, "ann", "3");
        putAt(now + 4 * hold, "bob", "2");

        assertThat(below.get("ann").value()).isEqualTo("3");
        assertThat(store.held()).isOne();
    }

    private void putAt(long time, String key, String value) {
        task.setSystemTimeMs(time);
        store.put(key, ValueAndTimestamp.make(value, time));
    }

    @Test
    void shouldScanWhatWasWritten() {
        store.put("ann|1", ValueAndTimestamp.make("x", 1));
        store.put("ann|2", ValueAndTimestamp.make("y", 2));
        store.put("bob|1", ValueAndTimestamp.make("z", 3));

        try (KeyValueIterator<String, ValueAndTimestamp<String>> ann = store.range("ann|", "ann|~")) {
            assertThat(ann).toIterable().extracting(entry -> entry.key + "=" + entry.value.value())
                    .containsExactly("ann|1=x", "ann|2=y");
        }
    }

    @Test
    void shouldTellAValueThatWouldReadBackDifferently() {
        assertThat(DecodedValueCache.readsBackTheSame(summary(new BigDecimal("12.5000")))).isTrue();
        assertThat(DecodedValueCache.readsBackTheSame(summary(new BigDecimal("12.50")))).isFalse();
        assertThat(DecodedValueCache.readsBackTheSame(series(new BigDecimal("9.9900")))).isTrue();
        // nested in a list, where Avro's own equals does not see the scale
        assertThat(DecodedValueCache.readsBackTheSame(series(new BigDecimal("9.99")))).isFalse();
        assertThat(DecodedValueCache.readsBackTheSame("not a record")).isTrue();
    }

    @Test
    void shouldRefuseToRememberAValueThatWouldReadBackDifferently() {
        DecodedValueCache<MonthlySummary> summaries = (DecodedValueCache<MonthlySummary>) DecodedValueCache.inFrontOf(
                Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("summaries"), Serdes.String(),
                        Serdes.serdeFrom((topic, summary) -> new byte[0], (topic, bytes) -> (MonthlySummary) null))
                        .withLoggingDisabled(), 2)
                .build();
        summaries.init(new MockProcessorContext<>().getStateStoreContext(), summaries);

        assertThatThrownBy(() -> summaries.put("ann|2026-01", ValueAndTimestamp.make(summary(new BigDecimal("12.50")), 1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("summaries");
        summaries.close();
    }

    private static MonthlySummary summary(BigDecimal income) {
        BigDecimal zero = new BigDecimal("0.0000");
        return new MonthlySummary("ann", "2026-01", "EUR", income, zero, 1L, new HashMap<>(Map.of("FOOD_AND_DRINK", zero)),
                zero, zero);
    }

    private static PaymentSeries series(BigDecimal amount) {
        return new PaymentSeries("Netflix", Category.ENTERTAINMENT, "EUR",
                new ArrayList<>(List.of(new SeriesPayment("t-1", LocalDate.of(2026, 1, 5), amount))), null, null, null, null);
    }
}
