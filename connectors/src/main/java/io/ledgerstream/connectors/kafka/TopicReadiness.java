package io.ledgerstream.connectors.kafka;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Makes sure a topic exists and every partition has a leader before anything is produced to it.
 *
 * <p>Why: an idempotent producer writing to a topic the broker has only just created can lose
 * records silently (KAFKA-15591, fixed after Kafka 4.4), so the topic is created up front with the
 * catalog's settings and we wait until every partition answers {@code listOffsets}.
 */
public final class TopicReadiness {

    private TopicReadiness() {
    }

    /** Creates {@code topic} if it is missing and waits until all its partitions answer. */
    public static void ensure(LedgerstreamConfig config, Topic<?, ?> topic, Duration timeout) {
        try (Admin admin = Admin.create(adminProperties(config, timeout))) {
            TopicProvisioner.ensureTopics(admin, List.of(topic.newTopic()), timeout);
        } catch (TimeoutException e) {
            throw new PublishException("topic " + topic.name() + " at " + config.bootstrapServers()
                    + " did not become ready within " + timeout.toSeconds() + " s (is Kafka running? set"
                    + " KAFKA_BOOTSTRAP_SERVERS)", e);
        } catch (KafkaException e) {
            throw new PublishException("cannot create topic " + topic.name() + " at " + config.bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> adminProperties(LedgerstreamConfig config, Duration timeout) {
        Map<String, Object> properties = config.adminProperties();
        properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return properties;
    }
}
