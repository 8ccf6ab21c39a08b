package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads the committed records of a whole topic, every partition from its start to the end it had
 * when reading began, without a consumer group: what the trainer needs of the corrections, the
 * enriched transactions and the model releases.
 */
final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicSnapshot() {
    }

    /** Hands every record to {@code each}, partition by partition in offset order. */
    static <K, V> void forEach(LedgerstreamConfig config, Topic<K, V> topic, Consumer<ConsumerRecord<K, V>> each) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic.name(), TIMEOUT)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), TIMEOUT) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("could not read " + topic.name() + " to its end within "
                            + TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(POLL).forEach(each);
            }
        }
    }

    /** Every record's value, by key the latest. */
    static <K, V> Map<K, V> latestByKey(LedgerstreamConfig config, Topic<K, V> topic) {
        Map<K, V> latest = new HashMap<>();
        forEach(config, topic, record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }
}
