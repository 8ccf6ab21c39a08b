package io.ledgerstream.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

/**
 * Real RocksDB stores opened by Streams (TopologyTestDriver) with the setter: RocksDB's own figures,
 * as Streams reports them, show every store on one cache of the budget's size.
 */
class BoundedRocksDbMemoryTest {

    private static final long BUDGET = 48L * 1024 * 1024;
    private static final List<String> STORES = List.of("first", "second", "third");

    @TempDir
    Path stateDir;

    @Test
    void shouldPutEveryStoreOnOneCacheOfTheBudget() {
        Topology topology = new Topology();
        topology.addSource("in", "in");
        topology.addProcessor("write", Writer::new, "in");
        for (String store : STORES) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.String()), "write");
        }
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        properties.put(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(BUDGET));

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            for (int i = 0; i < 100; i++) {
                in.pipeInput("k" + i, "v" + i);
            }

            for (String store : STORES) {
                // Streams' default would be a cache of 50 MiB per store
                assertThat(rocksDbFigure(driver, store, "block-cache-capacity")).as(store).isEqualTo(BUDGET);
                assertThat(driver.<String, String>getKeyValueStore(store).get("k99")).isEqualTo("v99");
            }
            // one cache: what one store uses is what the others report using
            assertThat(STORES.stream().map(store -> rocksDbFigure(driver, store, "block-cache-usage")).distinct())
                    .hasSize(1);
        }
    }

    @Test
    void shouldSayWhatIsMissingWithoutABudget() {
        try (Options options = new Options()) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("summaries", options, Map.of()))
                    .hasMessageContaining(BoundedRocksDbMemory.MEMORY_CONFIG);
        }
    }

    private static long rocksDbFigure(TopologyTestDriver driver, String store, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : driver.metrics().entrySet()) {
            if (metric.getKey().name().equals(name) && store.equals(metric.getKey().tags().get("rocksdb-state-id"))) {
                return ((Number) metric.getValue().metricValue()).longValue();
            }
        }
        throw new AssertionError("no " + name + " for " + store + " among " + driver.metrics().keySet());
    }

    /** Writes each record to every store. */
    private static final class Writer implements Processor<String, String, Void, Void> {

        private List<KeyValueStore<String, String>> stores;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            stores = STORES.stream().map(name -> context.<KeyValueStore<String, String>>getStateStore(name)).toList();
        }

        @Override
        public void process(Record<String, String> record) {
            stores.forEach(store -> store.put(record.key(), record.value()));
        }
    }
}
