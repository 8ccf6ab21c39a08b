package io.ledgerstream.api.query;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Locates a user through {@link KafkaStreams#queryMetadataForKey}: input topics are keyed by userId
 * and never repartitioned, so the partition of key {@code userId} holds every {@code userId|…} entry.
 * Without {@code application.server} Streams keeps no metadata at all ({@code NOT_AVAILABLE} for
 * every key), so a single instance asks every local partition instead.
 */
public final class StreamsKeyLocator implements KeyLocator {

    private static final Serializer<String> USER_ID = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final boolean hasApplicationServer;

    /**
     * @param hasApplicationServer whether Streams runs with {@code application.server}; if not, this
     *                             is the only instance and the owner of every key
     */
    public StreamsKeyLocator(KafkaStreams streams, boolean hasApplicationServer) {
        this.streams = streams;
        this.hasApplicationServer = hasApplicationServer;
    }

    @Override
    public KeyLocation locate(String storeName, String userId) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StateNotQueryableException("Kafka Streams is " + state + ", not RUNNING");
        }
        if (!hasApplicationServer) {
            return KeyLocation.everyLocalPartition();
        }
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(storeName, userId, USER_ID);
        } catch (IllegalStateException e) {
            // the state changed since the check above
            throw new StateNotQueryableException("Kafka Streams cannot locate keys now: " + e.getMessage(), e);
        }
        if (metadata == null) {
            throw new IllegalStateException("the topology has no store named " + storeName);
        }
        if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.partition() < 0) {
            throw new StateNotQueryableException("no metadata for store " + storeName + " yet (rebalancing)");
        }
        HostInfo active = metadata.activeHost();
        Optional<HostInfo> activeHost = active == null || active.equals(HostInfo.unavailable())
                ? Optional.empty() : Optional.of(active);
        return new KeyLocation(OptionalInt.of(metadata.partition()), activeHost, metadata.standbyHosts());
    }
}
