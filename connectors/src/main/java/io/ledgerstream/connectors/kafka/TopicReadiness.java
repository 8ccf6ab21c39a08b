package io.ledgerstream.connectors.kafka;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure a topic exists and every partition has a leader before anything is produced to it.
 *
 * <p>Why: an idempotent producer writing to a topic the broker has only just created can lose
 * records silently (KAFKA-15591, fixed after Kafka 4.4), so the topic is created up front with the
 * catalog's settings and we wait until every partition answers {@code listOffsets}.
 */
public final class TopicReadiness {

    private static final long RETRY_PAUSE_MS = 100;

    private TopicReadiness() {
    }

    /** Creates {@code topic} if it is missing and waits until all its partitions answer. */
    public static void ensure(LedgerstreamConfig config, Topic<?, ?> topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminProperties(config, timeout))) {
            create(admin, topic, config, timeout);
            RuntimeException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    TopicDescription description = admin.describeTopics(List.of(topic.name()))
                            .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name());
                    Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition()))
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    last = new IllegalStateException(e.getMessage(), e);
                }
                Thread.sleep(RETRY_PAUSE_MS); // polling the broker, not waiting in a test
            }
            throw new PublishException("topic " + topic.name() + " at " + config.bootstrapServers()
                    + " did not become ready within " + timeout.toSeconds() + " s", last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for topic " + topic.name(), e);
        }
    }

    private static void create(Admin admin, Topic<?, ?> topic, LedgerstreamConfig config, Duration timeout)
            throws InterruptedException {
        try {
            admin.createTopics(List.of(topic.newTopic())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new PublishException("cannot create topic " + topic.name() + " at " + config.bootstrapServers()
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new PublishException("Kafka at " + config.bootstrapServers() + " did not answer within "
                    + timeout.toSeconds() + " s (is it running? set KAFKA_BOOTSTRAP_SERVERS)", e);
        }
    }

    private static Map<String, Object> adminProperties(LedgerstreamConfig config, Duration timeout) {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> properties = new HashMap<>();
        config.kafkaProperties().forEach((name, value) -> {
            String plain = name.startsWith("admin.") ? name.substring("admin.".length()) : name;
            if (known.contains(plain)) {
                properties.put(plain, value);
            }
        });
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return properties;
    }
}
