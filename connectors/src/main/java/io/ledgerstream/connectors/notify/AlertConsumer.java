package io.ledgerstream.connectors.notify;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads committed alerts from the {@code alerts} topic in a consumer group and hands each to a
 * listener, committing after delivery (at-least-once; notifiers de-duplicate by alert id later).
 */
public final class AlertConsumer implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, Alert> consumer;
    private final Topic<String, Alert> topic;
    private final AlertListener listener;

    public AlertConsumer(LedgerstreamConfig config, Topic<String, Alert> topic, String groupId, AlertListener listener) {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.listener = listener;
    }

    /** Polls until {@link #close()} is called from another thread. */
    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic.name()));
            while (true) {
                for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        listener.deliver(record.value());
                    }
                }
                consumer.commitSync();
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
