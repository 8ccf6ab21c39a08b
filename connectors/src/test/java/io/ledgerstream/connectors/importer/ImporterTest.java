package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.kafka.FakePublisher;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    private static final String LINES = """
            {"transactionId":"t-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"EUR"}
            {"transactionId":"t-2","bookedAt":"2026-03-05","amount":"-1,00","currency":"EUR"}
            {"transactionId":"t-3","bookedAt":"2026-03-06","amount":"40.00","currency":"EUR"}
            """;

    @TempDir
    Path dir;

    private final Importer importer = Importer.withBuiltInFormats();
    private final FakePublisher<String, RawTransaction> publisher = new FakePublisher<>();

    @Test
    void shouldPublishEveryParsedTransactionKeyedByUserAndReportTheRest() throws IOException {
        Path file = Files.writeString(dir.resolve("march.jsonl"), LINES);

        ImportReport report = importer.importFile(file, "auto", ImportOptions.forUser("alice"), false, () -> publisher);

        assertThat(publisher.published()).extracting(Map.Entry::getKey).containsExactly("alice", "alice");
        assertThat(publisher.values()).extracting(RawTransaction::getTransactionId).containsExactly("t-1", "t-3");
        assertThat(publisher.committed()).isTrue();
        assertThat(publisher.closed()).isTrue();
        assertThat(report.published()).isEqualTo(2);
        assertThat(report.render())
                .contains("lines read:             3")
                .contains("transactions published: 2")
                .contains("lines skipped:          1")
                .contains("march.jsonl:2: amount: unparseable amount");
    }

    @Test
    void shouldRefuseAFileWhoseStatedCurrencyDisagreesWithTheGivenOne() throws IOException {
        Path file = Files.writeString(dir.resolve("dollars.jsonl"), """
                {"transactionId":"t-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"USD"}
                {"transactionId":"t-2","bookedAt":"2026-03-05","amount":"-1.00","currency":"GBP"}
                {"transactionId":"t-3","bookedAt":"2026-03-06","amount":"40.00","currency":"USD"}
                """);

        assertThatThrownBy(() -> importer.importFile(file, "auto", new ImportOptions("alice", null, "eur"), false,
                () -> publisher))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessage("the statement states GBP (1 transaction), USD (2 transactions) but --currency says EUR;"
                        + " leave --currency out to take the file's currencies, or check that this is the right file");
        assertThat(publisher.published()).isEmpty();

        ImportReport agreeing = importer.importFile(Files.writeString(dir.resolve("euros.jsonl"), LINES), "auto",
                new ImportOptions("alice", null, "EUR"), false, () -> publisher);
        assertThat(agreeing.published()).as("a --currency that agrees changes nothing").isEqualTo(2);
    }

    @Test
    void shouldPublishARowTheFileRepeatsWithTheSameBankIdOnceAndCountIt() throws IOException {
        Path file = Files.writeString(dir.resolve("twice.jsonl"), """
                {"transactionId":"t-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"EUR"}
                {"transactionId":"t-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"EUR"}
                {"transactionId":"t-2","bookedAt":"2026-03-05","amount":"-5.00","currency":"EUR"}
                {"transactionId":"t-2","bookedAt":"2026-03-05","amount":"-5.50","currency":"EUR"}
                {"transactionId":"t-2","bookedAt":"2026-03-05","amount":"-5.00","currency":"EUR"}
                {"bookedAt":"2026-03-06","amount":"-2.80","currency":"EUR","description":"coffee"}
                {"bookedAt":"2026-03-06","amount":"-2.80","currency":"EUR","description":"coffee"}
                """);

        ImportReport report = importer.importFile(file, "auto", ImportOptions.forUser("alice"), false, () -> publisher);

        assertThat(publisher.values()).extracting(t -> t.getTransactionId().startsWith("h-") ? "hash" : t.getTransactionId())
                .as("t-1 once; every version of t-2, back to the first too; both coffees")
                .containsExactly("t-1", "t-2", "t-2", "t-2", "hash", "hash");
        assertThat(report.duplicatesInFile()).isEqualTo(1);
        assertThat(report.render())
                .contains("transactions parsed:    7")
                .contains("transactions published: 6")
                .contains("skipped as duplicate within the file: 1");
    }

    @Test
    void shouldNotMentionDuplicatesWhenThereAreNone() throws IOException {
        Path file = Files.writeString(dir.resolve("march.jsonl"), LINES);

        ImportReport report = importer.importFile(file, "auto", ImportOptions.forUser("alice"), false, () -> publisher);

        assertThat(report.render()).doesNotContain("duplicate");
    }

    @Test
    void shouldPublishNothingOnADryRun() throws IOException {
        Path file = Files.writeString(dir.resolve("march.jsonl"), LINES);

        ImportReport report = importer.importFile(file, "jsonl", ImportOptions.forUser("alice"), true, () -> publisher);

        assertThat(publisher.published()).isEmpty();
        assertThat(report.result().transactions()).hasSize(2);
        assertThat(report.render()).contains("dry run").contains("transactions parsed:    2");
    }

    @Test
    void shouldRecognizeJsonLinesByContentWhenTheExtensionSaysNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("export.txt"), LINES);

        ImportReport report = importer.importFile(file, "auto", ImportOptions.forUser("alice"), true, () -> publisher);

        assertThat(report.format()).isEqualTo("jsonl");
    }

    @Test
    void shouldRefuseAnUnknownFormatName() throws IOException {
        Path file = Files.writeString(dir.resolve("march.jsonl"), LINES);

        assertThatThrownBy(() -> importer.importFile(file, "xlsx", ImportOptions.forUser("alice"), false, () -> publisher))
                .isInstanceOf(UnknownFormatException.class)
                .hasMessageContaining("unknown format 'xlsx'").hasMessageContaining("jsonl");
    }

    @Test
    void shouldRefuseAFileWhoseFormatAutoCannotTell() throws IOException {
        Path file = Files.writeString(dir.resolve("statement.dat"), "Dear customer,\nyour statement is attached as a PDF.\n");

        assertThatThrownBy(() -> importer.importFile(file, "auto", ImportOptions.forUser("alice"), false, () -> publisher))
                .isInstanceOf(UnknownFormatException.class)
                .hasMessageContaining("cannot tell the format of statement.dat");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void shouldShowTwentyProblemsPerReasonAndCountTheRest() throws IOException {
        String bad = IntStream.range(0, 25).mapToObj(i -> "{\"bookedAt\":\"2026-03-04\",\"currency\":\"EUR\"}\n")
                .collect(Collectors.joining());
        Path file = Files.writeString(dir.resolve("bad.jsonl"), bad);

        ImportReport report = importer.importFile(file, "auto", ImportOptions.forUser("alice"), false, () -> publisher);

        assertThat(report.nothingParsed()).isTrue();
        assertThat(report.render())
                .contains("amount: missing: 25 lines")
                .contains("bad.jsonl:20: amount: missing")
                .doesNotContain("bad.jsonl:21:")
                .contains("... and 5 more");
    }

    @Test
    void shouldPublishALongFileWhileParsingItInFileOrderAndCommitOnce() throws IOException {
        StringBuilder csv = new StringBuilder("Date,Description,Amount\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(String.format("%02d/03/2026,Shop %d,-%d.%02d%n", 1 + i % 28, i, 1 + i % 90, i % 100));
        }
        Path file = Files.writeString(dir.resolve("long.csv"), csv);
        List<long[]> told = new ArrayList<>();

        ImportReport report = importer.importFile(file, "csv", new ImportOptions("alice", "current", "EUR"), false,
                () -> publisher, (published, rowsRead, rowsTotal) -> told.add(new long[] {published, rowsRead, rowsTotal}));

        assertThat(publisher.values()).hasSize(5_000);
        assertThat(publisher.values()).extracting(RawTransaction::getDescription)
                .containsExactlyElementsOf(IntStream.range(0, 5_000).mapToObj(i -> "Shop " + i).toList());
        assertThat(publisher.committed()).isTrue();
        assertThat(report.published()).isEqualTo(5_000);
        assertThat(told).as("progress as batches are handed over: published, rows read, rows in the file")
                .hasSizeGreaterThan(1)
                .allSatisfy(t -> assertThat(t[2]).isEqualTo(5_000))
                .last().satisfies(t -> assertThat(t).containsExactly(5_000, 5_000, 5_000));
    }

    @Test
    void shouldRefuseAndAbortWhenALateTransactionStatesAnotherCurrency() throws IOException {
        String euros = IntStream.range(0, 2_500).mapToObj(i ->
                "{\"transactionId\":\"e-" + i + "\",\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n")
                .collect(Collectors.joining());
        Path file = Files.writeString(dir.resolve("late-dollar.jsonl"), euros
                + "{\"transactionId\":\"d-1\",\"bookedAt\":\"2026-03-05\",\"amount\":\"-9.00\",\"currency\":\"USD\"}\n");

        assertThatThrownBy(() -> importer.importFile(file, "auto", new ImportOptions("alice", null, "EUR"), false,
                () -> publisher))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageStartingWith("the statement states USD (1 transaction) but --currency says EUR");
        assertThat(publisher.committed()).as("what was sent before the dollar row is aborted").isFalse();
        assertThat(publisher.closed()).isTrue();
    }

    @Test
    void shouldAbortWhenTheParserRefusesTheFileAfterHandingOverTransactions() throws IOException {
        StatementParser halfThenRefuse = (file, options, result) -> {
            for (int i = 0; i < 2_500; i++) {
                result.rowRead().transaction(transaction("t-" + i));
            }
            throw new StatementRefusedException("the trailer disagrees with the entries");
        };
        Importer refusing = importerOf(halfThenRefuse);
        Path file = Files.writeString(dir.resolve("statement.test"), "anything");

        assertThatThrownBy(() -> refusing.importFile(file, "test", ImportOptions.forUser("alice"), false, () -> publisher))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessage("the trailer disagrees with the entries");
        assertThat(publisher.published()).as("handed over while parsing").isNotEmpty();
        assertThat(publisher.committed()).isFalse();
        assertThat(publisher.closed()).isTrue();
    }

    @Test
    void shouldFailAndAbortWhenPublishingFailsHalfWayAndStillLetTheParseEnd() throws IOException {
        StatementParser manyRows = (file, options, result) -> {
            for (int i = 0; i < 50_000; i++) {
                result.rowRead().transaction(transaction("t-" + i));
            }
        };
        Importer importer = importerOf(manyRows);
        Path file = Files.writeString(dir.resolve("statement.test"), "anything");
        FailingPublisher failing = new FailingPublisher(1_500);

        assertThatThrownBy(() -> importer.importFile(file, "test", ImportOptions.forUser("alice"), false, () -> failing))
                .isInstanceOf(PublishException.class)
                .hasMessage("broker gone at record 1500");
        assertThat(failing.committed).isFalse();
        assertThat(failing.closed).isTrue();
    }

    /** An importer whose one format, {@code test}, is {@code parser}. */
    private static Importer importerOf(StatementParser parser) {
        return new Importer(new StatementFormats(List.of(
                new StatementFormat("test", List.of("test"), content -> true, parser))));
    }

    private static RawTransaction transaction(String id) {
        return RawTransaction.newBuilder().setTransactionId(id).setUserId("alice").setAccountId(null)
                .setBookedAt("2026-03-04").setAmount("-1.00").setCurrency("EUR").setDescription("coffee")
                .setMerchant(null).setMcc(null).setRemoved(false).setSource("import:statement.test").build();
    }

    /** Sends until the n-th record, then fails every send as a producer whose broker went away does. */
    private static final class FailingPublisher implements TransactionalPublisher<String, RawTransaction> {
        private final int failAt;
        private int sent;
        private volatile boolean committed;
        private volatile boolean closed;

        FailingPublisher(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void publish(String key, RawTransaction value) {
            if (++sent >= failAt) {
                throw new PublishException("broker gone at record " + failAt, null);
            }
        }

        @Override
        public long flush() {
            return sent;
        }

        @Override
        public long commit() {
            committed = true;
            return sent;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
