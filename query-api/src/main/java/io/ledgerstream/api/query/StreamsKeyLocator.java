package io.ledgerstream.api.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Locations are remembered until {@link #metadataChanged()}, which the application calls on every
 * change of Streams' state: the metadata changes only in a rebalance, and every rebalance takes this
 * instance through REBALANCING (its consumer's assignment callback runs after every rebalance, even
 * one that assigns it nothing new). Streams' lookup is synchronized and builds sets of topics on every
 * call: it was more than half of a remembered /summary answer's CPU.
 */
public final class StreamsKeyLocator implements KeyLocator {

    private static final Serializer<String> USER_ID = Serdes.String().serializer();
    private static final int REMEMBERED = 100_000;

    private final KafkaStreams streams;
    private final boolean hasApplicationServer;
    private final Cache<String, KeyLocation> locations = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final AtomicLong generation = new AtomicLong();

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
        String key = storeName + '\n' + userId;
        KeyLocation known = locations.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        KeyLocation location = lookUp(storeName, userId);
        locations.put(key, location);
        if (generation.get() != before) {
            // the metadata may have changed while it was read: not to be remembered
            locations.invalidate(key);
        }
        return location;
    }

    /** Forgets every location: Streams' state changed, and with it, maybe, the assignment. */
    public void metadataChanged() {
        generation.incrementAndGet();
        locations.invalidateAll();
    }

    private KeyLocation lookUp(String storeName, String userId) {
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
