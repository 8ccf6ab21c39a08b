package io.ledgerstream.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.kafka.KafkaRecordPublisher;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.connectors.kafka.TopicReadiness;
import io.ledgerstream.connectors.testing.TestStack;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertDeliveryFailure;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.stack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier on a real broker, with this machine's Redis and a real HTTP receiver: one that dies
 * after delivering some alerts but before committing its offsets, and a second one that reads them
 * all again: every alert arrives exactly once, and an undeliverable one is one dead letter.
 */
class NotifierRestartTest {

    private static final AlertDelivery.Retries FAST = new AlertDelivery.Retries(3, Duration.ofMillis(10));

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<Notifier> notifiers = new ArrayList<>();

    @AfterEach
    void stop() {
        notifiers.forEach(notifier -> {
            try {
                notifier.close();
            } catch (RuntimeException alreadyDead) {
                // the crashed one
            }
        });
        receiver.close();
    }

    /** A webhook channel that dies, as a process would, before its {@code dieAt}-th delivery to alice. */
    private static Channel dyingAt(int dieAt) {
        WebhookChannel webhook = new WebhookChannel("key", Duration.ofSeconds(2));
        AtomicInteger sends = new AtomicInteger();
        return new Channel() {
            @Override
            public String name() {
                return webhook.name();
            }

            @Override
            public Optional<String> address(NotificationSettings settings) {
                return webhook.address(settings);
            }

            @Override
            public void send(Alert alert, String address) throws DeliveryException {
                if (alert.getUserId().equals("alice") && sends.incrementAndGet() == dieAt) {
                    throw new IllegalStateException("simulated crash of the notifier");
                }
                webhook.send(alert, address);
            }
        };
    }

    @Test
    void shouldDeliverEveryAlertExactlyOnceAcrossACrashAndRestart() throws Exception {
        LocalStack stack = TestStack.get();
        String name = "notify-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of())
                .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())
                .with(Key.TOPIC_PREFIX, name + ".")
                .with(Key.APPLICATION_ID, name);
        TopicCatalog catalog = TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl())));
        for (Topic<?, ?> topic : List.of(catalog.userSettings(), catalog.alerts(), catalog.alertDeadLetters())) {
            TopicReadiness.ensure(config, topic, Duration.ofSeconds(30));
        }
        try (RecordPublisher<String, UserSettings> settings = KafkaRecordPublisher.open(config, catalog.userSettings(), "t");
             RecordPublisher<String, Alert> alerts = KafkaRecordPublisher.open(config, catalog.alerts(), "t")) {
            settings.publish("alice", settings("alice", receiver.url("/hooks/alice")));
            settings.publish("bob", settings("bob", "http://127.0.0.1:1/nothing-listens"));
            settings.flush();
            for (int i = 1; i <= 10; i++) {
                alerts.publish("alice", Alerts.alert("alice", name + "-a-" + i, Integer.toString(100 + i)));
            }
            alerts.publish("bob", Alerts.alert("bob", name + "-b-1", "50"));
            alerts.flush();
        }

        // When: the first notifier dies before its sixth webhook delivery, nothing committed
        Notifier first = Notifier.start(config, catalog, List.of(dyingAt(6)), FAST, name + "-notifier");
        notifiers.add(first);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> !first.running());
        int beforeRestart = receiver.calls.size();

        // and a second one takes over the same consumer group
        notifiers.add(Notifier.start(config, catalog, List.of(new WebhookChannel("key", Duration.ofSeconds(2))), FAST,
                name + "-notifier"));

        // Then
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.calls.size() >= 10);
        List<AlertDeliveryFailure> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(config, catalog), letters -> !letters.isEmpty());
        // the second notifier commits after delivering: once it has committed every alert, anything it
        // delivered twice has arrived
        await().atMost(Duration.ofSeconds(30)).until(() -> committedToTheEnd(config, catalog, name + "-notifier"));
        assertThat(beforeRestart).as("delivered before the crash").isEqualTo(5);
        assertThat(receiver.calls).extracting(call -> call.header("X-Ledgerstream-Alert-Id"))
                .hasSize(10).doesNotHaveDuplicates().allMatch(id -> id.startsWith(name + "-a-"));
        assertThat(deadLetters(config, catalog)).hasSize(1);
        assertThat(deadLetters.getFirst().getAlert().getAlertId()).isEqualTo(name + "-b-1");
        assertThat(deadLetters.getFirst().getChannel()).isEqualTo("webhook");
        assertThat(deadLetters.getFirst().getAttempts()).isEqualTo(FAST.attempts());
    }

    private static boolean committedToTheEnd(LedgerstreamConfig config, TopicCatalog catalog, String group) throws Exception {
        try (Admin admin = Admin.create(config.adminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(catalog.alerts().name())).allTopicNames().get().values().forEach(topic ->
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    private static UserSettings settings(String userId, String webhook) {
        return UserSettings.newBuilder().setUserId(userId).setUpdatedAt(Instant.EPOCH)
                .setNotifications(NotificationSettings.newBuilder().setWebhookUrl(webhook).build()).build();
    }

    private static List<AlertDeliveryFailure> deadLetters(LedgerstreamConfig config, TopicCatalog catalog) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Topic<String, AlertDeliveryFailure> topic = catalog.alertDeadLetters();
        List<AlertDeliveryFailure> letters = new ArrayList<>();
        try (KafkaConsumer<String, AlertDeliveryFailure> consumer = new KafkaConsumer<>(properties,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(record.value()));
            }
        }
        return letters;
    }
}
