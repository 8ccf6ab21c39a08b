package io.ledgerstream.schemas.topics;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalog: its name, its key and value serdes, and how it is created.
 *
 * @param config topic-level settings (cleanup policy, retention) applied on creation
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> config) {

    /** The topic as the admin client creates it, with the broker's default replication factor. */
    public NewTopic newTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(config);
    }
}
