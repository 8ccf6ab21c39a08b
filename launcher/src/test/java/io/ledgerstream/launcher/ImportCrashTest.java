package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer killed with SIGKILL half-way through publishing a statement, on the real broker: a
 * reader of committed data sees nothing of the file, and the rerun publishes all of it exactly once.
 */
class ImportCrashTest {

    private static final int ROWS = 50_000;
    private static final String USER = "crash-user";

    @TempDir
    Path dir;

    @Test
    @DisplayName("an import killed half-way publishes nothing; the rerun publishes every row exactly once")
    void shouldPublishAllOrNothingAcrossAKill() throws Exception {
        LedgerstreamConfig config = TestStack.config("crash", dir.resolve("state"));
        TopicCatalog catalog = Pipeline.provision(config).catalog();
        String topic = catalog.raw().name();
        Path statement = dir.resolve("big-statement.jsonl");
        List<String> ids = writeStatement(statement);

        // When: an import in its own JVM is killed once some of its records reached the broker
        Process importer = startImporter(config, statement);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            await().alias("the importer has sent records inside its open transaction")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !importer.isAlive() || total(ConsumerLag.endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED)) > 1_000);
            assertThat(importer.isAlive()).as("the importer was still publishing when killed").isTrue();
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            // Then: records are in the log, but none is committed
            long inLog = total(ConsumerLag.endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED));
            assertThat(inLog).as("records the killed importer wrote").isBetween(1_000L, (long) ROWS - 1);
            assertThat(total(ConsumerLag.endOffsets(admin, topic, IsolationLevel.READ_COMMITTED)))
                    .as("committed records: the open transaction holds the last stable offset at the start").isZero();
        } finally {
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // When: the same import runs again
        Scenarios.CliResult rerun = Scenarios.cli(config, "import", statement.toString(), "--user", USER);

        // Then: every row exactly once among committed records, and nothing of the killed attempt
        assertThat(rerun.exitCode()).as("rerun: %s %s", rerun.out(), rerun.err()).isZero();
        Map<String, Long> committed = committedIdCounts(config, catalog);
        assertThat(committed).as("every row of the file, committed").hasSize(ROWS);
        assertThat(committed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(committed.values()).as("no row twice").allMatch(count -> count == 1L);
    }

    /** A statement of {@link #ROWS} rows with ids the test knows. */
    private static List<String> writeStatement(Path file) throws Exception {
        List<String> ids = new ArrayList<>(ROWS);
        List<String> lines = new ArrayList<>(ROWS);
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            String id = "crash-" + i;
            ids.add(id);
            lines.add("{\"transactionId\":\"" + id + "\",\"bookedAt\":\"" + first.plusDays(i % 90)
                    + "\",\"amount\":\"-" + (1 + i % 500) + "." + String.format("%02d", i % 100)
                    + "\",\"currency\":\"EUR\",\"description\":\"CARD PAYMENT " + i + "\"}");
        }
        Files.write(file, lines);
        return ids;
    }

    /** {@code ledgerstream import} in a child JVM on this test's classpath and stack. */
    private static Process startImporter(LedgerstreamConfig config, Path statement) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", statement.toString(), "--user", USER)
                .redirectErrorStream(true)
                .redirectOutput(statement.resolveSibling("importer.log").toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
        builder.environment().put("SCHEMA_REGISTRY_URL", config.get(LedgerstreamConfig.Key.SCHEMA_REGISTRY_URL));
        builder.environment().put("LEDGERSTREAM_TOPIC_PREFIX", config.get(LedgerstreamConfig.Key.TOPIC_PREFIX));
        return builder.start();
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How often each transactionId of {@link #USER} occurs among the committed records of the raw topic. */
    private static Map<String, Long> committedIdCounts(LedgerstreamConfig config, TopicCatalog catalog) {
        String topic = catalog.raw().name();
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, RawTransaction> consumer = consumer(config, IsolationLevel.READ_COMMITTED,
                catalog.raw().keySerde().deserializer(), catalog.raw().valueSerde().deserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                assertThat(System.nanoTime()).as("read the committed raw topic to its end in a minute").isLessThan(deadline);
                for (ConsumerRecord<String, RawTransaction> record : consumer.poll(Duration.ofMillis(200))) {
                    if (USER.equals(record.key())) {
                        seen.add(record.value().getTransactionId());
                    }
                }
            }
        }
        return seen.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static <K, V> KafkaConsumer<K, V> consumer(LedgerstreamConfig config, IsolationLevel isolation,
                                                       Deserializer<K> keys,
                                                       Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        return new KafkaConsumer<>(props, keys, values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
