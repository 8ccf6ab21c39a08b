package io.ledgerstream.connectors.connect;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.kafka.TopicReadiness;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.stack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One test's {@code transactions.raw} on the local stack, under the test's own prefix: created up
 * front (as the app does), and read back whole with a {@code read_committed} consumer and the
 * project's {@code AvroSerde}, as the topology reads it.
 */
final class RawTopic {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final Topic<String, RawTransaction> topic;

    private RawTopic(LocalStack stack, Topic<String, RawTransaction> topic) {
        this.stack = stack;
        this.topic = topic;
    }

    static RawTopic create(LocalStack stack, String prefix) {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of())
                .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        TopicCatalog catalog = TopicCatalog.create(prefix, TopicCatalog.DEFAULT_PARTITIONS,
                new AvroSerdes(new HttpSchemaRegistryClient(stack.schemaRegistryUrl())));
        TopicReadiness.ensure(config, catalog.raw(), READ_TIMEOUT);
        return new RawTopic(stack, catalog.raw());
    }

    String name() {
        return topic.name();
    }

    /** Records on the topic so far, by the partitions' end offsets. */
    long recordCount() {
        try (KafkaConsumer<String, RawTransaction> consumer = consumer()) {
            Set<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every record on the topic up to its end offsets now, with its key. */
    List<ConsumerRecord<String, RawTransaction>> readAll() {
        try (KafkaConsumer<String, RawTransaction> consumer = consumer()) {
            Set<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, RawTransaction>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " up to " + end + " within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private Set<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        return consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toSet());
    }

    private KafkaConsumer<String, RawTransaction> consumer() {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), topic.valueSerde().deserializer());
    }
}
