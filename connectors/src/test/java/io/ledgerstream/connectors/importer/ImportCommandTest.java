package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import io.ledgerstream.connectors.kafka.FakePublishers;
import io.ledgerstream.connectors.kafka.KafkaTransactionalPublisher;
import io.ledgerstream.connectors.kafka.Publishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final FakePublishers publishers = new FakePublishers();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return run(publishers, args);
    }

    private int run(Publishers to, String... args) {
        CommandLine command = new CommandLine(new ImportCommand(to, Importer.withBuiltInFormats()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void shouldImportAFileAndPrintTheReport() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"),
                "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");

        int exit = run(file.toString(), "--user", "alice", "--account", "acc-1");

        assertThat(exit).isZero();
        assertThat(publishers.raw.values()).singleElement()
                .satisfies(t -> assertThat(t.getAccountId()).isEqualTo("acc-1"));
        assertThat(publishers.raw.committed()).isTrue();
        assertThat(out.toString()).contains("transactions published: 1");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldPublishInATransactionNamedAfterTheUserAndTheFileContent() throws IOException {
        String line = "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n";
        Path file = Files.writeString(dir.resolve("s.jsonl"), line);
        Path copy = Files.writeString(dir.resolve("copy.jsonl"), line);

        run(file.toString(), "--user", "alice");
        run(copy.toString(), "--user", "alice");
        run(file.toString(), "--user", "bob");

        assertThat(publishers.transactionalIds).hasSize(3).allMatch(id -> id.startsWith("ledgerstream-import-"));
        assertThat(publishers.transactionalIds.get(1)).as("a rerun fences a crashed run").isEqualTo(publishers.transactionalIds.get(0));
        assertThat(publishers.transactionalIds.get(2)).isNotEqualTo(publishers.transactionalIds.get(0));
    }

    @Test
    void shouldNotEvenConnectOnADryRun() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"),
                "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");

        int exit = run(file.toString(), "--user", "alice", "--dry-run");

        assertThat(exit).isZero();
        assertThat(publishers.rawOpened).isZero();
        assertThat(err.toString()).contains("none (dry run)");
    }

    @Test
    void shouldWriteTheParsedTransactionsAsJsonLinesOnADryRunAndTheReportOnStandardError() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), """
                {"transactionId":"t-1","bookedAt":"2026-03-04","amount":"-12.340","currency":"eur","description":"CARD 1234 \\"TESCO\\" STORES","merchant":"Tesco","mcc":"5411","accountId":"acc-9"}
                {"bookedAt":"2026-03-05","amount":-3.5,"currency":"EUR","description":"Café"}
                {"bookedAt":"2026-03-05","amount":-3.5,"currency":"EUR","description":"Café"}
                {"transactionId":"t-2","bookedAt":"2026-03-06","amount":"40","currency":"GBP","removed":true}
                {"bookedAt":"not a date","amount":"1","currency":"EUR"}
                """);

        int exit = run(file.toString(), "--user", "alice", "--dry-run");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"transactionId\":\"t-1\",\"userId\":\"alice\",\"accountId\":\"acc-9\","
                + "\"bookedAt\":\"2026-03-04\",\"amount\":\"-12.340\",\"currency\":\"EUR\","
                + "\"description\":\"CARD 1234 \\\"TESCO\\\" STORES\",\"merchant\":\"Tesco\",\"mcc\":\"5411\"}");
        assertThat(lines.get(3)).endsWith("\"description\":\"\",\"removed\":true}");
        assertThat(lines.get(1)).doesNotContain("removed").doesNotContain("merchant").doesNotContain("accountId");
        assertThat(err.toString()).contains("dry run").contains("s.jsonl:5: bookedAt: invalid date");
        assertThat(out.toString()).doesNotContain("dry run").doesNotContain("s.jsonl:5");

        Path again = Files.createDirectory(dir.resolve("again")).resolve("s.jsonl");
        Files.writeString(again, out.toString());
        JsonLinesParser parser = new JsonLinesParser();
        assertThat(parser.parse(again, ImportOptions.forUser("alice")).transactions())
                .as("the dry run's output reads back into the same transactions")
                .isEqualTo(parser.parse(file, ImportOptions.forUser("alice")).transactions());
    }

    @Test
    void shouldPublishNothingAndFailWhenASendFailsHalfWay() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int day = 1; day <= 5; day++) {
            lines.append("{\"bookedAt\":\"2026-03-0").append(day).append("\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");
        }
        Path file = Files.writeString(dir.resolve("s.jsonl"), lines);
        MockProducer<String, RawTransaction> producer = new FailingOnThirdSend();

        int exit = run(new MockProducerPublishers(producer), file.toString(), "--user", "alice");

        assertThat(exit).isEqualTo(1);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.transactionCommitted()).isFalse();
        assertThat(producer.history()).as("committed records").isEmpty();
        assertThat(err.toString())
                .contains("publishing to a mock producer failed: cannot send to transactions.raw: broker said no")
                .contains("nothing from s.jsonl was published (transaction aborted); importing it again is safe");
        assertThat(out.toString()).isEmpty();

        MockProducer<String, RawTransaction> rerun = new MockProducer<>(true, null, (topic, key) -> new byte[0],
                NOTHING);
        assertThat(run(new MockProducerPublishers(rerun), file.toString(), "--user", "alice")).isZero();
        assertThat(rerun.transactionCommitted()).isTrue();
        assertThat(rerun.history()).hasSize(5);
    }

    private static final Serializer<RawTransaction> NOTHING = (topic, value) -> new byte[0];

    /** A producer with transactions whose third send throws. */
    private static final class FailingOnThirdSend extends MockProducer<String, RawTransaction> {
        private int sends;

        FailingOnThirdSend() {
            super(true, null, (topic, key) -> new byte[0], NOTHING);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, RawTransaction> record, Callback callback) {
            if (++sends == 3) {
                throw new KafkaException("broker said no");
            }
            return super.send(record, callback);
        }
    }

    /** Publishers whose transactional raw publisher is the real one over a given MockProducer. */
    private record MockProducerPublishers(MockProducer<String, RawTransaction> producer) implements Publishers {
        @Override
        public RecordPublisher<String, RawTransaction> rawTransactions() {
            throw new UnsupportedOperationException("the importer publishes in a transaction");
        }

        @Override
        public TransactionalPublisher<String, RawTransaction> rawTransactionsInOneTransaction(String transactionalId) {
            return new KafkaTransactionalPublisher<>(producer, "transactions.raw");
        }

        @Override
        public RecordPublisher<String, FxRate> fxRates() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "a mock producer";
        }
    }

    @Test
    void shouldFailWhenTheFileCannotBeRead() {
        int exit = run(dir.resolve("missing.jsonl").toString(), "--user", "alice");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("cannot read").contains("missing.jsonl");
    }

    @Test
    void shouldFailWhenNothingCouldBeParsed() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), "{\"amount\":\"-1.00\"}\n");

        int exit = run(file.toString(), "--user", "alice");

        assertThat(exit).isNotZero();
        assertThat(publishers.rawOpened).isZero();
        assertThat(out.toString()).contains("s.jsonl:1: bookedAt: missing");
    }

    @Test
    void shouldAcceptAnEmptyStatement() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(run(file.toString(), "--user", "alice")).isZero();
    }

    @Test
    void shouldRefuseACsvFileWhoseDatesReadBothWaysNamingTheOptionThatResolvesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "Date,Description,Amount\n03/04/2024,Coffee,-3.50\n");

        int exit = run(file.toString(), "--user", "alice", "--currency", "EUR", "--dry-run");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("s.csv refused: ")
                .contains("'03/04/2024' (line 2) reads both ways")
                .contains("pass --csv date-order=day-first or --csv date-order=month-first");
    }

    @Test
    void shouldImportACsvFileWithTheDateOrderAndColumnsGivenByCsvOptions() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "Datum;Text;Betrag;Info\n03/04/2024;Kaffee;3,50;x\n");

        int exit = run(file.toString(), "--user", "alice", "--currency", "EUR", "--dry-run",
                "--csv", "date-order=day-first", "--csv", "amount=Betrag", "--csv", "sign=inverted",
                "--csv", "description=2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"bookedAt\":\"2024-04-03\"").contains("\"amount\":\"-3.50\"")
                .contains("\"description\":\"Kaffee\"");
    }

    @Test
    void shouldImportACsvFileWithAShippedProfileOrAProfileFile() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "Date,Description,Amount,Balance\n"
                + "10/02/2018,\"MERCHANT NAME@12:34\",-5.00,995.00\n");
        Path profile = Files.writeString(dir.resolve("mine.properties"), "date-order = day-first\ncurrency = GBP\n");

        assertThat(run(file.toString(), "--user", "alice", "--dry-run", "--profile", "first-direct")).isZero();
        assertThat(run(file.toString(), "--user", "alice", "--dry-run", "--profile", profile.toString())).isZero();

        assertThat(out.toString().lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"bookedAt\":\"2018-02-10\"")
                        .contains("\"currency\":\"GBP\""));
    }

    @Test
    void shouldListTheKnownProfilesForAnUnknownOne() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "Date,Amount\n2024-03-01,-1.00\n");

        int exit = run(file.toString(), "--user", "alice", "--profile", "my-bank");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown profile 'my-bank'").contains("known profiles: ")
                .contains("first-direct").contains("n26").contains("rabobank");
        assertThat(publishers.rawOpened).isZero();
    }

    @Test
    void shouldRefuseAnUnknownCsvKeyListingTheKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "Date,Amount\n2024-03-01,-1.00\n");

        int exit = run(file.toString(), "--user", "alice", "--csv", "dateorder=day-first");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'dateorder'").contains("date-order");
    }

    @Test
    void shouldKeepTheOptionsConstructorsOtherCodeUses() {
        ImportOptions options = new ImportOptions(" alice ", "acc-1", "eur");

        assertThat(options.csv()).isEqualTo(CsvMapping.NONE);
        assertThat(options.currency()).isEqualTo("EUR");
        assertThat(new ImportOptions("alice", null).csv().isEmpty()).isTrue();
        assertThat(ImportOptions.forUser("alice").withCsv(new CsvMapping("n26", Map.of("currency", "EUR")))
                .withAccount("acc-2").csv().profile()).isEqualTo("n26");
    }

    @Test
    void shouldRequireAUser() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), "");

        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--user");
    }
}
