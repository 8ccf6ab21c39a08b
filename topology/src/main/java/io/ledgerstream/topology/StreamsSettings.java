package io.ledgerstream.topology;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.topology.store.BoundedRocksDbMemory;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Kafka Streams properties of a Ledgerstream instance. No default key or value serde is set:
 * every source, sink and store names its serdes.
 */
public final class StreamsSettings {

    /** How often Streams commits (and so how long exactly-once output waits), unless overridden. */
    public static final int COMMIT_INTERVAL_MS = 100;
    /**
     * How long the group waits for a member that stopped heartbeating before giving its partitions to
     * others, unless overridden: an instance that died, and a stream thread replaced after a failure
     * (Streams' consumers do not leave the group when they close). Kafka's 45 s default made both
     * take 45 s; heartbeats come from a thread of their own every 3 s, so only a pause of the whole
     * process longer than this looks like a death.
     */
    public static final int SESSION_TIMEOUT_MS = 10_000;

    private StreamsSettings() {
    }

    /**
     * Application id, bootstrap servers, state directory, application server (when set), stream
     * threads, exactly-once v2, explicit naming of internal resources enforced, a 100 ms commit
     * interval, a 10 s session timeout, RocksDB's memory shared and bounded ({@link BoundedRocksDbMemory}); then every Kafka pass-through of {@code config}, last, so it may override these.
     */
    public static Properties properties(LedgerstreamConfig config) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        config.applicationServer().ifPresent(server -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(config.streamThreads()));
        // a single instance (no application.server) has nowhere to put standbys, and Streams would
        // warn of that at every rebalance
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                config.applicationServer().isPresent() ? Integer.toString(config.standbyReplicas()) : "0");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(COMMIT_INTERVAL_MS));
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(SESSION_TIMEOUT_MS));
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        properties.put(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(config.rocksDbMemoryBytes()));
        // transactions.raw is read as bytes and dead-lettered by the topology itself; this covers the
        // side inputs (settings, corrections, FX rates): a poison record there is logged and skipped
        // rather than stopping the stream thread.
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        properties.putAll(config.kafkaProperties());
        return properties;
    }
}
