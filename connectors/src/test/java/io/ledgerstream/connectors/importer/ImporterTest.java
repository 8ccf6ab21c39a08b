package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.kafka.FakePublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
