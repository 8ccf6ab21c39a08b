package io.ledgerstream.connectors.kafka;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A {@link RecordPublisher} over an idempotent {@link KafkaProducer} with {@code acks=all} and the
 * topic catalog's serdes. Acknowledgements and failures are counted in the send callback.
 */
public final class KafkaRecordPublisher<K, V> implements RecordPublisher<K, V> {

    private static final String PRODUCER_PREFIX = "producer.";
    private static final String BULK_BATCH_BYTES = Integer.toString(256 * 1024);
    private static final String BULK_LINGER_MS = "10";

    private final Producer<K, V> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** Wraps a producer (a {@code MockProducer} in tests); this publisher closes it. */
    public KafkaRecordPublisher(Producer<K, V> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Opens a producer for {@code topic} configured from {@code config}. */
    public static <K, V> KafkaRecordPublisher<K, V> open(LedgerstreamConfig config, Topic<K, V> topic, String clientId) {
        return new KafkaRecordPublisher<>(new KafkaProducer<>(producerProperties(config, clientId),
                topic.keySerde().serializer(), topic.valueSerde().serializer()), topic.name());
    }

    /**
     * The producer's settings: the pass-through properties a producer knows (plain, or prefixed
     * {@code producer.} as Streams spells them); where those say nothing, batches for bulk loads
     * (statements publish hundreds of thousands of records to one user's partition: 256 KiB batches,
     * 10 ms linger, LZ4, about 3× the records/s of the client's defaults in {@code bench import});
     * then bootstrap servers, idempotence and
     * {@code acks=all}, which always win because the importer's guarantees rest on them. A passed-through
     * {@code transactional.id} is dropped: only {@link KafkaTransactionalPublisher} sets one, per unit of work.
     */
    public static Map<String, Object> producerProperties(LedgerstreamConfig config, String clientId) {
        Set<String> known = ProducerConfig.configNames();
        Map<String, Object> properties = new HashMap<>();
        config.kafkaProperties().forEach((name, value) -> {
            String plain = name.startsWith(PRODUCER_PREFIX) ? name.substring(PRODUCER_PREFIX.length()) : name;
            if (known.contains(plain)) {
                properties.put(plain, value);
            }
        });
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BULK_BATCH_BYTES);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, BULK_LINGER_MS);
        properties.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return properties;
    }

    @Override
    public void publish(K key, V value) {
        throwIfFailed();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
                if (exception == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
        } catch (RuntimeException e) {
            // serialization, schema registry or buffer errors are thrown by send itself
            throw new PublishException("cannot send to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long flush() {
        producer.flush();
        throwIfFailed();
        return acknowledged.get();
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new PublishException(failed.get() + " record(s) to " + topic + " failed ("
                    + acknowledged.get() + " acknowledged); first failure: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
