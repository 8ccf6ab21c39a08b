package io.ledgerstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locator against a Streams instance that is never started, whose metadata and state the test
 * sets: Streams' own would need a rebalance to change.
 */
class StreamsKeyLocatorTest {

    private static final HostInfo A = new HostInfo("a", 1);
    private static final HostInfo B = new HostInfo("b", 2);

    @TempDir
    Path stateDir;

    /** Streams, unstarted, answering the metadata and state the test sets, and counting lookups. */
    private static final class SetStreams extends KafkaStreams {

        volatile KeyQueryMetadata metadata = new KeyQueryMetadata(A, Set.of(B), 3);
        volatile State state = State.RUNNING;
        final AtomicInteger lookups = new AtomicInteger();

        SetStreams(Path stateDir) {
            super(topology(), properties(stateDir));
        }

        @Override
        public <K> KeyQueryMetadata queryMetadataForKey(String storeName, K key, Serializer<K> keySerializer) {
            lookups.incrementAndGet();
            return metadata;
        }

        @Override
        public State state() {
            return state;
        }

        private static Topology topology() {
            StreamsBuilder builder = new StreamsBuilder();
            builder.table("users", Materialized.as("store"));
            return builder.build();
        }

        private static Properties properties(Path stateDir) {
            Properties properties = new Properties();
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "locator-test");
            properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
            properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            return properties;
        }
    }

    @Test
    @DisplayName("a location is remembered until Streams' state changes, then looked up again")
    void shouldRememberLocationsUntilTheMetadataChanges() {
        try (SetStreams streams = new SetStreams(stateDir)) {
            StreamsKeyLocator locator = new StreamsKeyLocator(streams, true);

            assertThat(locator.locate("store", "ann").activeHost()).contains(A);
            assertThat(locator.locate("store", "ann").isStandby(B)).isTrue();
            assertThat(streams.lookups).as("asked Streams once").hasValue(1);
            assertThat(locator.locate("store", "bob").activeHost()).contains(A);
            assertThat(streams.lookups).as("another user is looked up").hasValue(2);

            streams.metadata = new KeyQueryMetadata(B, Set.of(), 3);
            assertThat(locator.locate("store", "ann").activeHost()).as("until told, the remembered location").contains(A);
            locator.metadataChanged();
            assertThat(locator.locate("store", "ann").activeHost()).contains(B);
            assertThat(locator.locate("store", "bob").activeHost()).contains(B);
            assertThat(streams.lookups).hasValue(4);
        }
    }

    @Test
    @DisplayName("nothing is located while Streams is not running, remembered or not")
    void shouldRefuseWhileNotRunning() {
        try (SetStreams streams = new SetStreams(stateDir)) {
            StreamsKeyLocator locator = new StreamsKeyLocator(streams, true);
            locator.locate("store", "ann");

            streams.state = KafkaStreams.State.REBALANCING;

            assertThatThrownBy(() -> locator.locate("store", "ann")).isInstanceOf(StateNotQueryableException.class)
                    .hasMessageContaining("REBALANCING");
        }
    }

    @Test
    @DisplayName("a key without metadata (a rebalance under way) is refused and not remembered")
    void shouldNotRememberAMissingLocation() {
        try (SetStreams streams = new SetStreams(stateDir)) {
            StreamsKeyLocator locator = new StreamsKeyLocator(streams, true);
            streams.metadata = KeyQueryMetadata.NOT_AVAILABLE;
            assertThatThrownBy(() -> locator.locate("store", "ann")).isInstanceOf(StateNotQueryableException.class);

            streams.metadata = new KeyQueryMetadata(A, Set.of(), 0);
            assertThat(locator.locate("store", "ann").activeHost()).contains(A);
        }
    }
}
