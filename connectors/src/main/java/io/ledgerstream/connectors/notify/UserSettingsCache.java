package io.ledgerstream.connectors.notify;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Every user's latest settings, read from the compacted user.settings topic from its start and
 * followed from then on, without a consumer group (each notifier needs all of them).
 */
public final class UserSettingsCache implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, UserSettings> consumer;
    private final Topic<String, UserSettings> topic;
    private final Map<String, UserSettings> latest = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public UserSettingsCache(LedgerstreamConfig config, Topic<String, UserSettings> topic) {
        Map<String, Object> properties = new HashMap<>(config.kafkaProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(properties, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
    }

    /** The user's settings, if the user has any. */
    public Optional<UserSettings> of(String userId) {
        return Optional.ofNullable(latest.get(userId));
    }

    /** Waits until the settings that existed when reading began are all read. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<String, UserSettings> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
                if (caughtUp.getCount() > 0
                        && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException stopping) {
            // close() was called
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
