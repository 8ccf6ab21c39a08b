package io.ledgerstream.api.live;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic, every partition, from its end when this instance starts (live, not
 * history: GET …/alerts has that), committed alerts only, and hands each alert to {@link LiveAlerts};
 * pings the listeners every {@value #PING_SECONDS} s. No consumer group: every instance reads all.
 * A record that cannot be read is logged and skipped.
 */
public final class AlertTopicListener implements AutoCloseable {

    static final int PING_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(AlertTopicListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, Alert> consumer;
    private final String topic;
    private final LiveAlerts live;
    private final Thread thread;

    public AlertTopicListener(LedgerstreamConfig config, TopicCatalog catalog, LiveAlerts live) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), catalog.alerts().valueSerde().deserializer());
        this.topic = catalog.alerts().name();
        this.live = live;
        this.thread = Thread.ofPlatform().name("live-alerts").daemon().unstarted(this::run);
    }

    public AlertTopicListener start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            assignFromTheEnd();
            Instant nextPing = Instant.now().plusSeconds(PING_SECONDS);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (ConsumerRecord<String, Alert> record : consumer.poll(POLL)) {
                        if (record.value() != null) {
                            live.deliver(record.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("live alerts: skipping unreadable record {} at offset {}: {}", e.topicPartition(), e.offset(),
                            e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (Instant.now().isAfter(nextPing)) {
                    live.ping();
                    nextPing = Instant.now().plusSeconds(PING_SECONDS);
                }
            }
        } catch (WakeupException closing) {
            // close() was called
        } catch (RuntimeException e) {
            log.error("live alerts stopped: browsers get no more alerts from this instance until it restarts", e);
        } finally {
            consumer.close();
        }
    }

    private void assignFromTheEnd() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        log.info("live alerts: reading {} partition(s) of {} from their end", partitions.size(), topic);
    }

    @Override
    public void close() {
        if (!thread.isAlive()) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
