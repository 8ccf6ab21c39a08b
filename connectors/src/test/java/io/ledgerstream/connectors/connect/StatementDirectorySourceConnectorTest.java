package io.ledgerstream.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.connectors.testing.TestStack;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.stack.LocalStack;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real standalone Connect worker (in this JVM) against a real KRaft broker and
 * Apicurio registry. What reaches the topic is read back as the topology reads it and compared
 * with ground truth the test reads off the files itself.
 */
class StatementDirectorySourceConnectorTest {

    private static final String USER = "alice";
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(30);

    private static LocalStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStack() {
        stack = TestStack.get();
    }

    @Test
    @DisplayName("an OFX, a CSV and a JSON Lines file reach the topic once per transaction with the files' amounts,"
            + " and move to finished/ with their reports")
    void shouldPublishEveryTransactionOfEachDroppedStatementOnceAndMoveItToFinished() throws Exception {
        // Given: a worker running the connector on an empty directory, and the files' own amounts
        RawTopic topic = RawTopic.create(stack, "connect-dropped.");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path ofx = sample("ofx/ofxparse__checking.ofx");
        Path csv = sample("csv/ofxstatement-lloyds__sample-statement.csv");
        Map<String, List<BigDecimal>> expected = Map.of(
                "import:checking.ofx", sorted(ofxAmounts(ofx)),
                "import:lloyds.csv", sorted(debitCreditColumnAmounts(csv)),
                "import:mixed.jsonl", sorted(List.of(new BigDecimal("-12.34"), new BigDecimal("40.00"))));
        assertThat(expected.values()).as("ground truth read off the files").extracting(List::size).containsExactlyInAnyOrder(3, 12, 2);

        try (StandaloneWorker worker = StandaloneWorker.start(stack.bootstrapServers(), dir.resolve("offsets"))) {
            worker.createConnector("statements-dropped", connectorConfig("statements-dropped", inbox, topic, 500));

            // When: three statements are dropped in, one with a bad row
            drop(ofx, inbox, "checking.ofx");
            drop(csv, inbox, "lloyds.csv");
            Files.writeString(inbox.resolve("mixed.jsonl"), """
                    {"transactionId":"m-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"EUR"}
                    {"transactionId":"m-2","bookedAt":"2026-03-05","amount":"twelve","currency":"EUR"}
                    {"transactionId":"m-3","bookedAt":"2026-03-06","amount":"40.00","currency":"EUR"}
                    """);

            // Then: each moves to finished/ once published
            awaitMoved(worker, "statements-dropped", inbox.resolve("finished"), ".report.txt",
                    "checking.ofx", "lloyds.csv", "mixed.jsonl");
        }
        List<ConsumerRecord<String, RawTransaction>> records = topic.readAll();
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(USER);
        assertThat(records).extracting(r -> r.value().getTransactionId()).doesNotHaveDuplicates();
        assertThat(amountsBySource(records)).isEqualTo(expected);
        assertThat(inbox.resolve("finished/lloyds.csv.report.txt")).content()
                .contains("transactions published: 12").contains("published to topic " + topic.name());
        assertThat(inbox.resolve("finished/mixed.jsonl.report.txt")).content()
                .contains("transactions published: 2").contains("mixed.jsonl:2: amount: unparseable amount");
        assertThat(inbox.resolve("failed")).isEmptyDirectory();
    }

    @Test
    @DisplayName("a worker stopped half-way through a file and a new worker on the same offsets publish every"
            + " transaction exactly once in total")
    void shouldResumeAfterTheLastCommittedRecordWithoutLossOrDuplication() throws Exception {
        // Given: a 3,000-row statement, and a first worker paced so that it is stopped part-way through
        RawTopic topic = RawTopic.create(stack, "connect-resume.");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path offsets = dir.resolve("offsets");
        List<String> ids = IntStream.range(0, 3000).mapToObj(i -> String.format(Locale.ROOT, "r-%04d", i)).toList();
        Path statement = Files.write(dir.resolve("big.jsonl"), ids.stream().map(id -> String.format(Locale.ROOT,
                "{\"transactionId\":\"%s\",\"bookedAt\":\"2026-03-01\",\"amount\":\"-1.%s\",\"currency\":\"EUR\"}",
                id, id.substring(4, 6))).toList());
        Map<String, String> paced = new HashMap<>(connectorConfig("statements-resume", inbox, topic, 50));
        paced.put("transforms", "pace");
        paced.put("transforms.pace.type", PacingTransformation.class.getName());
        paced.put("transforms.pace." + PacingTransformation.MICROS_PER_RECORD, "1000");

        long publishedBeforeStop;
        try (StandaloneWorker first = StandaloneWorker.start(stack.bootstrapServers(), offsets)) {
            first.createConnector("statements-resume", paced);
            drop(statement, inbox, "big.jsonl");
            await().alias("the first worker has published a few hundred records").atMost(FILE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(topic.recordCount()).as(first.taskState("statements-resume"))
                            .isGreaterThanOrEqualTo(300));
        }
        publishedBeforeStop = topic.recordCount();
        assertThat(publishedBeforeStop).as("stopped part-way").isLessThan(ids.size());
        assertThat(inbox.resolve("big.jsonl")).as("not finished by the first worker").exists();

        // When: a new worker, unpaced, starts on the same offset file
        try (StandaloneWorker second = StandaloneWorker.start(stack.bootstrapServers(), offsets)) {
            second.createConnector("statements-resume", connectorConfig("statements-resume", inbox, topic, 50));
            awaitMoved(second, "statements-resume", inbox.resolve("finished"), ".report.txt", "big.jsonl");
        }

        // Then: every transaction exactly once, and the report says where the second worker took over
        assertThat(topic.readAll()).extracting(r -> r.value().getTransactionId())
                .hasSize(ids.size()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(inbox.resolve("finished/big.jsonl.report.txt")).content()
                .contains("transactions published: 3000")
                .contains("the first " + publishedBeforeStop + " were published before it");
    }

    @Test
    @DisplayName("a file that is no statement moves to failed/ with the reason, and nothing of it is published")
    void shouldMoveARefusedFileToFailedWithTheReason() throws Exception {
        // Given
        RawTopic topic = RawTopic.create(stack, "connect-refused.");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (StandaloneWorker worker = StandaloneWorker.start(stack.bootstrapServers(), dir.resolve("offsets"))) {
            worker.createConnector("statements-refused", connectorConfig("statements-refused", inbox, topic, 500));

            // When: an OFX error response and a picture are dropped in
            drop(sample("ofx/ofxparse__error_message.ofx"), inbox, "error-response.ofx");
            Files.write(inbox.resolve("holiday.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});

            // Then
            awaitMoved(worker, "statements-refused", inbox.resolve("failed"), ".error.txt",
                    "error-response.ofx", "holiday.png");
            assertThat(worker.taskState("statements-refused")).isEqualTo("RUNNING");
        }
        assertThat(inbox.resolve("failed/error-response.ofx.error.txt")).content(StandardCharsets.UTF_8)
                .contains("error-response.ofx refused").contains("OFX error response");
        assertThat(inbox.resolve("failed/holiday.png.error.txt")).content(StandardCharsets.UTF_8)
                .contains("cannot tell the format of holiday.png");
        assertThat(topic.recordCount()).isZero();
        assertThat(inbox.resolve("finished")).isEmptyDirectory();
    }

    private static Map<String, String> connectorConfig(String name, Path inbox, RawTopic topic, int batchSize) {
        return Map.ofEntries(
                Map.entry("name", name),
                Map.entry("connector.class", StatementDirectorySourceConnector.class.getName()),
                Map.entry("tasks.max", "1"),
                Map.entry("key.converter", StringConverter.class.getName()),
                Map.entry("value.converter", ByteArrayConverter.class.getName()),
                Map.entry(StatementDirectorySourceConfig.DIRECTORY, inbox.toString()),
                Map.entry(StatementDirectorySourceConfig.USER_ID, USER),
                Map.entry(StatementDirectorySourceConfig.CURRENCY, "GBP"),
                Map.entry(StatementDirectorySourceConfig.TOPIC, topic.name()),
                Map.entry(StatementDirectorySourceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()),
                Map.entry(StatementDirectorySourceConfig.POLL_INTERVAL_MS, "100"),
                Map.entry(StatementDirectorySourceConfig.BATCH_SIZE, String.valueOf(batchSize)));
    }

    /** Drops a file in the way writers should: under a name the connector ignores, then renamed. */
    private static void drop(Path source, Path inbox, String name) throws Exception {
        Path partial = Files.copy(source, inbox.resolve(name + ".part"));
        Files.move(partial, inbox.resolve(name));
    }

    private static void awaitMoved(StandaloneWorker worker, String connector, Path into, String noteSuffix,
                                   String... names) {
        await().alias(String.join(", ", names) + " moved to " + into.getFileName()).atMost(FILE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    for (String name : names) {
                        assertThat(into.resolve(name)).as("task " + worker.taskState(connector)).exists();
                        assertThat(into.resolve(name + noteSuffix)).exists();
                    }
                });
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(StatementDirectorySourceConnectorTest.class.getResource("/bank-samples/" + name).toURI());
    }

    /** Every {@code <TRNAMT>} of an OFX file, read with a regular expression rather than the parser. */
    private static List<BigDecimal> ofxAmounts(Path ofx) throws Exception {
        Matcher amounts = Pattern.compile("<TRNAMT>\\s*([-+]?[0-9.]+)").matcher(Files.readString(ofx));
        return amounts.results().map(match -> new BigDecimal(match.group(1))).toList();
    }

    /** The Lloyds export by hand: columns 6 and 7 are debit and credit, money out negative. */
    private static List<BigDecimal> debitCreditColumnAmounts(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] columns = line.split(",", -1);
            return columns[5].isEmpty() ? new BigDecimal(columns[6]) : new BigDecimal(columns[5]).negate();
        }).toList();
    }

    private static Map<String, List<BigDecimal>> amountsBySource(List<ConsumerRecord<String, RawTransaction>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.groupingBy(RawTransaction::getSource,
                TreeMap::new, Collectors.collectingAndThen(
                        Collectors.mapping(t -> new BigDecimal(t.getAmount()), Collectors.toList()),
                        StatementDirectorySourceConnectorTest::sorted)));
    }

    /** Sorted, with scale removed, so 2000 and 2000.00 compare equal. */
    private static List<BigDecimal> sorted(List<BigDecimal> amounts) {
        return amounts.stream().map(BigDecimal::stripTrailingZeros).sorted().toList();
    }
}
