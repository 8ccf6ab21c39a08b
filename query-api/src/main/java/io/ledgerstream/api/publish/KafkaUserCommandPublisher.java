package io.ledgerstream.api.publish;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An idempotent producer ({@code acks=all}) that serializes with the catalog's serdes, so each topic
 * gets its own Avro subject. Waits for the acknowledgement: a 202 means the record is on the broker.
 */
public final class KafkaUserCommandPublisher implements UserCommandPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<byte[], byte[]> producer;
    private final TopicCatalog catalog;

    public KafkaUserCommandPublisher(LedgerstreamConfig config, TopicCatalog catalog) {
        this(new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer()),
                catalog);
    }

    KafkaUserCommandPublisher(Producer<byte[], byte[]> producer, TopicCatalog catalog) {
        this.producer = producer;
        this.catalog = catalog;
    }

    static Properties producerProperties(LedgerstreamConfig config) {
        Properties properties = new Properties();
        // pass through only what a producer understands (security settings, client tuning)
        config.kafkaProperties().forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                properties.put(name, value);
            }
        });
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-api-commands");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis() / 2);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    @Override
    public void publish(CategoryCorrection correction) {
        send(catalog.corrections(), correction.getUserId(), correction);
    }

    @Override
    public void publish(UserSettings settings) {
        send(catalog.userSettings(), settings.getUserId(), settings);
    }

    @Override
    public void publish(UserAccount account) {
        send(catalog.userAccounts(), account.getUserId(), account);
    }

    private <V> void send(Topic<String, V> topic, String userId, V value) {
        byte[] key;
        byte[] bytes;
        try {
            key = topic.keySerde().serializer().serialize(topic.name(), userId);
            bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        } catch (RuntimeException e) {
            // most often the schema registry is unreachable: as transient as a broker that is
            throw new PublishFailedException("cannot serialize the record for " + topic.name() + ": "
                    + e.getMessage(), e);
        }
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, bytes))
                    .get(ACK_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishFailedException("the broker did not accept the record for " + topic.name() + ": "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
