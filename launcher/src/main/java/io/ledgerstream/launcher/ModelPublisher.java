package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.kafka.KafkaRecordPublisher;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Releases a model: one record of a few MB to its compacted topic, the producer's request limit raised to the topic's. */
final class ModelPublisher {

    private ModelPublisher() {
    }

    static <R> void publish(LedgerstreamConfig config, Topic<String, R> topic, String key, R release, String version) {
        Map<String, Object> properties = KafkaRecordPublisher.producerProperties(config, "ledgerstream-train");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicCatalog.MODEL_MESSAGE_BYTES);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * TopicCatalog.MODEL_MESSAGE_BYTES);
        try (KafkaProducer<String, R> producer = new KafkaProducer<>(properties, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, release)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException("cannot release model " + version + " to " + topic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while releasing model " + version, e);
        }
    }
}
