package io.ledgerstream.topology.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache's held writes inside a real task (TopologyTestDriver: Streams' own processor context,
 * metered, caching and change-logging layers, an in-memory store), which commits after every input
 * record. Each input is "user:amount,amount,…" and adds each amount in turn to the user's running
 * total (get, then put, once per amount), and to an "all" total; the expected totals are summed here
 * from the inputs.
 */
class DecodedValueWriteBehindTest {

    private static final String STORE = "totals";
    private static final String CHANGELOG = "write-behind-" + STORE + "-changelog";

    private final AtomicInteger encoded = new AtomicInteger();
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldWriteTheLastValueOfEachKeyOnceAtTheCommit() {
        open(100, false);
        TestInputTopic<String, String> in = input();
        TestOutputTopic<String, String> changelog = changelog();
        List<String> inputs = List.of("ann:5,7,-2", "bob:1,1,1,1", "ann:10");

        Map<String, Long> expected = new HashMap<>();
        List<Map<String, Long>> expectedCommits = new ArrayList<>();
        for (String input : inputs) {
            String user = input.substring(0, input.indexOf(':'));
            long sum = 0;
            for (String amount : input.substring(input.indexOf(':') + 1).split(",")) {
                sum += Long.parseLong(amount);
            }
            expected.merge(user, sum, Long::sum);
            expected.merge("all", sum, Long::sum);
            expectedCommits.add(Map.of(user, expected.get(user), "all", expected.get("all")));
        }

        for (int i = 0; i < inputs.size(); i++) {
            encoded.set(0);
            in.pipeInput(inputs.get(i).substring(0, inputs.get(i).indexOf(':')), inputs.get(i), 1_000L * (i + 1));

            // each commit encodes and logs each key written once, with its last value
            assertThat(encoded.get()).as("values encoded for input %d", i).isEqualTo(2);
            Map<String, Long> logged = new HashMap<>();
            for (TestRecord<String, String> change : changelog.readRecordsToList()) {
                assertThat(logged.put(change.key(), Long.parseLong(change.value()))).as("logged twice: %s", change.key()).isNull();
                assertThat(change.timestamp()).isEqualTo(1_000L * (i + 1));
            }
            assertThat(logged).isEqualTo(expectedCommits.get(i));
        }
        // and the layers below hold the totals: nothing is left held after the commit
        expected.forEach((key, total) -> assertThat(below().get(key).value()).isEqualTo(Long.toString(total)));
        assertThat(cache().held()).isZero();
    }

    @Test
    void shouldWriteAKeyDownWhenItFallsOutOfTheBound() {
        open(1, false); // room for one key: writing "all" pushes the user's total out, and the other way round
        TestInputTopic<String, String> in = input();
        TestOutputTopic<String, String> changelog = changelog();

        encoded.set(0);
        in.pipeInput("ann", "ann:1,2,3", 5L);

        // every switch between "ann" and "all" writes the one pushed out down: six writes, six encodings
        List<KeyValue<String, String>> logged = changelog.readKeyValuesToList();
        assertThat(encoded.get()).isEqualTo(6);
        // Streams' record cache keeps only the last of each key for the changelog
        assertThat(logged).containsExactlyInAnyOrder(KeyValue.pair("ann", "6"), KeyValue.pair("all", "6"));
        assertThat(below().get("ann").value()).isEqualTo("6");
        assertThat(below().get("all").value()).isEqualTo("6");
    }

    @Test
    void shouldShowHeldWritesToAScanOfTheStreamThread() {
        open(100, true);
        TestInputTopic<String, String> in = input();
        TestOutputTopic<String, String> scans = driver.createOutputTopic("scans", new StringDeserializer(),
                new StringDeserializer());

        in.pipeInput("ann", "ann:4", 1L);
        in.pipeInput("bob", "bob:3,3", 2L);

        // the processor scans after its puts, within the same record: the held writes must be there
        assertThat(scans.readValuesToList()).containsExactly("all=4 ann=4", "all=10 ann=4 bob=6");
    }

    private void open(int maxEntries, boolean scan) {
        Serde<String> counting = Serdes.serdeFrom((topic, value) -> {
            encoded.incrementAndGet();
            return value == null ? null : new StringSerializer().serialize(topic, value);
        }, new StringDeserializer());
        Topology topology = new Topology();
        topology.addSource("in", "in");
        topology.addProcessor("add", () -> new Totals(scan), "in");
        topology.addStateStore(DecodedValueCache.inFrontOf(
                Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), counting)
                        .withCachingEnabled(), maxEntries), "add");
        topology.addSink("scans", "scans", "add");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind");
        properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        driver = new TopologyTestDriver(topology, properties);
    }

    private TestInputTopic<String, String> input() {
        return driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
    }

    private TestOutputTopic<String, String> changelog() {
        return driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());
    }

    @SuppressWarnings("unchecked")
    private DecodedValueCache<String> cache() {
        Object store = driver.getTimestampedKeyValueStore(STORE);
        return (DecodedValueCache<String>) store;
    }

    private TimestampedKeyValueStore<String, String> below() {
        return cache().wrapped();
    }

    /**
     * Adds each amount to the user's and to the "all" total, one get and put per amount; then, if
     * told to, scans the store and forwards what it saw.
     */
    private static final class Totals implements Processor<String, String, String, String> {

        private final boolean scan;
        private ProcessorContext<String, String> context;
        private TimestampedKeyValueStore<String, String> totals;

        Totals(boolean scan) {
            this.scan = scan;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.totals = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            String user = record.value().substring(0, record.value().indexOf(':'));
            for (String amount : record.value().substring(record.value().indexOf(':') + 1).split(",")) {
                add(user, Long.parseLong(amount), record.timestamp());
                add("all", Long.parseLong(amount), record.timestamp());
            }
            if (!scan) {
                return;
            }
            StringBuilder seen = new StringBuilder();
            try (KeyValueIterator<String, ValueAndTimestamp<String>> all = totals.all()) {
                all.forEachRemaining(entry -> seen.append(seen.isEmpty() ? "" : " ").append(entry.key).append('=')
                        .append(entry.value.value()));
            }
            context.forward(record.withValue(seen.toString()));
        }

        private void add(String key, long amount, long timestamp) {
            ValueAndTimestamp<String> before = totals.get(key);
            long total = (before == null ? 0 : Long.parseLong(before.value())) + amount;
            totals.put(key, ValueAndTimestamp.make(Long.toString(total), timestamp));
        }
    }
}
