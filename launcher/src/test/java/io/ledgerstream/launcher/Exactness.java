package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.RejectedRecord;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.LedgerstreamTopology;
import io.ledgerstream.topology.StreamsSettings;
import io.ledgerstream.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * What a run left on its output topics, and the checks of the fault tests: every summary equals the
 * ground truth (the caller asks the API), every version of every transaction is on
 * {@code transactions.enriched} exactly once and the last one of each is the statement's final one,
 * and no alert is missing or there twice.
 *
 * <p>"Exactly once" needs a count to compare with: the same topology run over the same raw records
 * without any fault, in a {@link TopologyTestDriver} (one thread, no broker, nothing to kill). The
 * final version of each transaction is checked against the scenario itself, independently of both.
 */
final class Exactness {

    /** The missed-payment check runs on the wall clock, so when it runs differs from run to run. */
    private static final Set<AlertType> CLOCK_DRIVEN = Set.of(AlertType.MISSED_PAYMENT);

    /** The records of the output topics, each partition in offset order. */
    record Outputs(List<EnrichedTransaction> enriched, List<Alert> alerts, List<RejectedRecord> rejected) {

        /** Each version as its fields that matter: user, transaction, date, amount, removed, category. */
        List<String> versions() {
            return enriched.stream().map(t -> t.getUserId() + "|" + t.getTransactionId() + "|" + t.getBookedAt() + "|"
                    + t.getAmount().stripTrailingZeros().toPlainString() + "|" + t.getRemoved() + "|" + t.getCategory())
                    .toList();
        }

        List<String> alertIds() {
            return alerts.stream().map(Alert::getAlertId).toList();
        }

        Set<String> recordDrivenAlertIds() {
            return alerts.stream().filter(a -> !CLOCK_DRIVEN.contains(a.getType())).map(Alert::getAlertId)
                    .collect(Collectors.toSet());
        }
    }

    private Exactness() {
    }

    /** Everything committed on the output topics, read with {@code read_committed} to their ends. */
    static Outputs read(LedgerstreamConfig config, TopicCatalog catalog) {
        return new Outputs(
                readAll(config, catalog.enriched().name(), catalog.enriched().valueSerde().deserializer()),
                readAll(config, catalog.alerts().name(), catalog.alerts().valueSerde().deserializer()),
                readAll(config, catalog.rejected().name(), catalog.rejected().valueSerde().deserializer()));
    }

    /**
     * The outputs of the same topology over the same committed raw records and FX rates, without
     * faults: a {@link TopologyTestDriver} fed each partition of the real topics in offset order (all
     * state is per user, and a user's records share a partition).
     */
    static Outputs withoutFaults(LedgerstreamConfig config, TopicCatalog catalog, Path stateDir) {
        Properties properties = StreamsSettings.properties(config
                .with(Key.APPLICATION_ID, config.applicationId() + "-reference")
                .with(Key.STATE_DIR, stateDir.toString()));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                LedgerstreamTopology.build(catalog, TopologySettings.defaults()), properties)) {
            pipe(driver, config, catalog.fxRates().name());
            pipe(driver, config, catalog.raw().name());
            return new Outputs(
                    driver.createOutputTopic(catalog.enriched().name(), catalog.enriched().keySerde().deserializer(),
                            catalog.enriched().valueSerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic(catalog.alerts().name(), catalog.alerts().keySerde().deserializer(),
                            catalog.alerts().valueSerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic(catalog.rejected().name(), catalog.rejected().keySerde().deserializer(),
                            catalog.rejected().valueSerde().deserializer()).readValuesToList());
        }
    }

    /**
     * Every transaction version exactly once, each transaction's last version the scenario's final
     * one, every alert once and the same alerts as without faults.
     */
    static void assertExactlyOnce(Outputs actual, Outputs withoutFaults, StatementScenario scenario) {
        assertThat(withoutFaults.enriched()).as("the run without faults published versions").isNotEmpty();
        assertThat(actual.versions()).as("versions on transactions.enriched, against the run without faults")
                .hasSameSizeAs(withoutFaults.versions())
                .containsExactlyInAnyOrderElementsOf(withoutFaults.versions());

        Map<String, EnrichedTransaction> last = new LinkedHashMap<>();
        actual.enriched().forEach(t -> last.put(t.getUserId() + "|" + t.getTransactionId(), t));
        scenario.finalVersions.forEach((key, line) -> {
            EnrichedTransaction published = last.get(key);
            assertThat(published).as("a version of %s on transactions.enriched", key).isNotNull();
            assertThat(published.getRemoved()).as("%s removed", key).isEqualTo(line.removed());
            assertThat(published.getBookedAt()).as("%s booked", key).isEqualTo(line.bookedAt());
            assertThat(published.getAmount()).as("%s amount", key).isEqualByComparingTo(line.amount());
        });

        assertThat(actual.alertIds()).as("alerts, each once").doesNotHaveDuplicates();
        assertThat(actual.recordDrivenAlertIds()).as("alerts, against the run without faults")
                .isEqualTo(withoutFaults.recordDrivenAlertIds());
        assertThat(actual.alerts()).as("the large-transaction alert of the 2,600 EUR purchase")
                .anyMatch(a -> a.getType() == AlertType.LARGE_TRANSACTION
                        && scenario.largePurchase.transactionId().equals(a.getTransactionId()));
    }

    /** Rejection reasons and how often each was given. */
    static Map<String, Long> reasons(Outputs outputs) {
        return outputs.rejected().stream().collect(Collectors.groupingBy(RejectedRecord::getReason, Collectors.counting()));
    }

    private static void pipe(TopologyTestDriver driver, LedgerstreamConfig config, String topic) {
        TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topic, new ByteArraySerializer(),
                new ByteArraySerializer());
        for (ConsumerRecord<byte[], byte[]> record : readAllRecords(config, topic, new ByteArrayDeserializer())) {
            input.pipeInput(record.key(), record.value(), record.timestamp());
        }
    }

    private static <V> List<V> readAll(LedgerstreamConfig config, String topic, Deserializer<V> values) {
        return readAllRecords(config, topic, values).stream().map(ConsumerRecord::value).toList();
    }

    private static <V> List<ConsumerRecord<byte[], V>> readAllRecords(LedgerstreamConfig config, String topic,
                                                                      Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).sorted(
                            java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                await().alias("read " + partition + " to its end").atMost(Duration.ofSeconds(60))
                        .until(() -> {
                            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                            return consumer.position(partition) >= end;
                        });
            }
        }
        return records;
    }
}
