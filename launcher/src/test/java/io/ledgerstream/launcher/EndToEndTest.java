package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.RejectedRecord;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system on a real Kafka broker and a real Apicurio registry: statements imported through
 * the command line, the app's API compared with ground truth the test computes itself.
 */
class EndToEndTest {

    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    @DisplayName("every summary equals ground truth to the cent, after a restart too, and a re-import changes nothing")
    void shouldAnswerEverySummaryExactlyThroughRestartAndReimport() throws Exception {
        // Given: rates, six users' statements over four months with duplicates, replacements,
        // removals, foreign currency and bad lines
        LedgerstreamConfig config = TestStack.config("e2e", dir.resolve("state"));
        Pipeline pipeline = Pipeline.provision(config);
        assertThat(Scenarios.cli(config, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        StatementScenario scenario = new StatementScenario(7, 6, 500, YearMonth.of(2026, 1), 4);
        Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected = GroundTruth.summaries(scenario, Scenarios.RATES);

        // When: imported through the command line while the app runs
        LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog()).start();
        List<Scenarios.CliResult> imports = Scenarios.importAll(config, scenario, dir);
        String firstUserFile = scenario.users.get(0) + ".jsonl";
        for (Scenarios.CliResult result : imports) {
            assertThat(result.exitCode()).as("import: %s %s", result.out(), result.err()).isZero();
        }
        String report = imports.get(0).out() + imports.get(0).err();
        for (int line : scenario.badLineNumbers) {
            assertThat(report).as("the import report names bad line %d", line).contains(firstUserFile + ":" + line + ":");
        }
        publishPoisonAndInvalidRecords(config, pipeline.catalog(), scenario.users.get(0));

        // Then
        ApiClient api = new ApiClient(app.apiUrl());
        awaitApiEquals(api, expected);
        assertThat(api.get("/api/v1/users/" + scenario.users.get(0) + "/alerts?limit=500").body().findValuesAsText("transactionId"))
                .as("a large-transaction alert for the 2,600 EUR purchase")
                .contains(scenario.largePurchase.transactionId());
        assertThat(rejectedReasons(config, pipeline.catalog()))
                .as("dead letters, while the stream went on")
                .contains("UNDESERIALIZABLE", "UNKNOWN_CURRENCY");
        assertThat(api.get("/api/v1/users/nobody/months").status()).isEqualTo(404);
        for (String user : scenario.users) {
            assertTransactionsOfJanuary(api, scenario, user);
        }

        // When: the app restarts on its state
        app.close();
        LedgerstreamApp restarted = new LedgerstreamApp(config, pipeline.catalog()).start();
        try {
            ApiClient restartedApi = new ApiClient(restarted.apiUrl());
            awaitApiEquals(restartedApi, expected);

            // When: the same statements are imported again
            awaitNoLag(config, pipeline.catalog());
            Map<TopicPartition, Long> enrichedBefore = endOffsets(config, pipeline.catalog().enriched().name());
            Scenarios.importAll(config, scenario, dir).forEach(r -> assertThat(r.exitCode()).isZero());
            awaitNoLag(config, pipeline.catalog());

            // Then: nothing changed
            Scenarios.assertApiEquals(restartedApi, expected);
            assertThat(endOffsets(config, pipeline.catalog().enriched().name()))
                    .as("no enriched output for re-imported transactions").isEqualTo(enrichedBefore);
        } finally {
            restarted.close();
        }
    }

    private static void awaitNoLag(LedgerstreamConfig config, TopicCatalog catalog) {
        try (Admin admin = admin(config)) {
            await().alias("the app has consumed everything on " + catalog.raw().name())
                    .atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> ConsumerLag.of(admin, config.applicationId(), catalog.raw().name()) == 0);
        }
    }

    private static void awaitApiEquals(ApiClient api, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected) {
        await().alias("every API summary equals ground truth")
                .atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
    }

    /** The transactions endpoint lists exactly the live transactions of the month, newest first. */
    private static void assertTransactionsOfJanuary(ApiClient api, StatementScenario scenario, String user) {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 31);
        List<StatementScenario.Line> expected = scenario.liveTransactions().stream()
                .filter(l -> l.userId().equals(user) && !l.bookedAt().isBefore(from) && !l.bookedAt().isAfter(to))
                .toList();
        ApiClient.Reply reply = api.get("/api/v1/users/" + user + "/transactions?from=" + from + "&to=" + to + "&limit=500");
        assertThat(reply.status()).isEqualTo(200);
        List<String> ids = reply.body().path("transactions").findValuesAsText("transactionId");
        List<String> dates = reply.body().path("transactions").findValuesAsText("bookedAt");
        assertThat(ids).as("January of %s", user).hasSize(expected.size())
                .containsAll(expected.stream().map(StatementScenario.Line::transactionId).filter(Objects::nonNull).toList());
        assertThat(dates).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
    }

    /** A record that is not Avro at all, and one whose currency does not exist. */
    private static void publishPoisonAndInvalidRecords(LedgerstreamConfig config, TopicCatalog catalog, String userId) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(catalog.raw().name(), userId, "{\"not\":\"avro\"}".getBytes()));
            RawTransaction unknownCurrency = RawTransaction.newBuilder().setTransactionId("bad-currency")
                    .setUserId(userId).setBookedAt("2026-01-09").setAmount("-5.00").setCurrency("XYZ")
                    .setDescription("unknown currency").build();
            producer.send(new ProducerRecord<>(catalog.raw().name(), userId,
                    catalog.raw().valueSerde().serializer().serialize(catalog.raw().name(), unknownCurrency)));
            producer.flush();
        }
    }

    private static List<String> rejectedReasons(LedgerstreamConfig config, TopicCatalog catalog) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, RejectedRecord> consumer = new KafkaConsumer<>(props,
                catalog.rejected().keySerde().deserializer(), catalog.rejected().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(catalog.rejected().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().alias("read the rejected topic to its end").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, RejectedRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    reasons.add(record.value().getReason());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return reasons;
    }

    private static Map<TopicPartition, Long> endOffsets(LedgerstreamConfig config, String topic) throws Exception {
        try (Admin admin = admin(config)) {
            return ConsumerLag.endOffsets(admin, topic);
        }
    }

    private static Admin admin(LedgerstreamConfig config) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
    }
}
