package io.ledgerstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.topology.store.BoundedRocksDbMemory;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void shouldSetExactlyOnceExplicitNamingAndNoDefaultSerdes() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093", "LEDGERSTREAM_APPLICATION_ID", "ledger-app",
                "LEDGERSTREAM_STATE_DIR", "/var/state", "LEDGERSTREAM_STREAM_THREADS", "3",
                "LEDGERSTREAM_APPLICATION_SERVER", "10.0.0.5:8080", "LEDGERSTREAM_STANDBY_REPLICAS", "2"));

        Properties properties = StreamsSettings.properties(config);

        assertThat(properties).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-app")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/state")
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "10.0.0.5:8080")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "3")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "2")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry("ensure.explicit.internal.resource.naming", "true")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100")
                .containsEntry("session.timeout.ms", "10000")
                .doesNotContainKeys(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);
        assertThat(new StreamsConfig(properties).getBoolean(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
                .isTrue();
    }

    @Test
    void shouldBoundRocksDbsMemoryByTheConfiguredBudget() {
        Properties properties = StreamsSettings.properties(LedgerstreamConfig.load(Map.of("LEDGERSTREAM_ROCKSDB_MEMORY_MB", "64")));

        assertThat(properties).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName())
                .containsEntry(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        assertThat(StreamsSettings.properties(LedgerstreamConfig.load(Map.of())))
                .as("the default").containsEntry(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(256L * 1024 * 1024));
        assertThatThrownBy(() -> StreamsSettings.properties(LedgerstreamConfig.load(Map.of("LEDGERSTREAM_ROCKSDB_MEMORY_MB", "8"))))
                .hasMessageContaining("LEDGERSTREAM_ROCKSDB_MEMORY_MB").hasMessageContaining("at least 16");
    }

    @Test
    void shouldLeaveOutTheApplicationServerOfASingleInstance() {
        assertThat(StreamsSettings.properties(LedgerstreamConfig.load(Map.of())))
                .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG)
                .as("no standbys without other instances").containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
    }

    @Test
    void shouldLetPassThroughPropertiesOverrideTheDefaults() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                "LEDGERSTREAM_KAFKA_COMMIT_INTERVAL_MS", "1000", "LEDGERSTREAM_KAFKA_SECURITY_PROTOCOL", "SSL",
                "LEDGERSTREAM_KAFKA_SESSION_TIMEOUT_MS", "20000"));

        assertThat(StreamsSettings.properties(config)).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000")
                .containsEntry("session.timeout.ms", "20000")
                .containsEntry("security.protocol", "SSL");
    }
}
