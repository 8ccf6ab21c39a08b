package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.feed.MockBankFeed;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportReport;
import io.ledgerstream.connectors.importer.Importer;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.KafkaRecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.stack.LocalStack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench import}: CSV import throughput. On a throw-away local stack it writes an
 * N-row bank CSV (rows from the mock feed), then times, in one run: parsing it (the importer's dry
 * run), the producer's raw ceiling (the same records already serialized, sent as bytes in one
 * transaction with the importer's producer settings), and the real import (parse + serialize +
 * publish in one transaction). The ceiling and the import run {@code --runs} times each (a shared
 * 2-core machine varies by a third from run to run); it prints every run, the median rows/s of each,
 * and the import's median as a share of the ceiling's.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Measure CSV import throughput (parse only, parse + publish) against the raw producer ceiling.")
final class ImportBenchCommand implements Callable<Integer> {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String USER = "bench-user";

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the CSV file (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--runs", defaultValue = "3",
            description = "Timed runs of the ceiling and of the import; medians compared (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;

    ImportBenchCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows and --runs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("ledgerstream-bench-import");
        try (LocalStack stack = LocalStack.builder(data).ephemeralPorts().start()) {
            LedgerstreamConfig bench = config
                    .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                    .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            Pipeline pipeline = Pipeline.provision(bench);
            Path csv = data.resolve("statement.csv");
            writeCsv(csv, rows);
            out.printf("CSV statement: %,d rows, %,d bytes (Date,Description,Amount,Balance; dd/MM/yyyy)%n",
                    rows, Files.size(csv));
            out.flush();

            Importer importer = Importer.withBuiltInFormats();
            ImportOptions options = new ImportOptions(USER, "bench-account", "GBP");
            dryRun(importer, csv, options); // warm-up: the JIT, the parser's classes
            long parseStart = System.nanoTime();
            List<RawTransaction> transactions = dryRun(importer, csv, options).toPublish();
            double parseSeconds = seconds(parseStart);
            int count = transactions.size();
            print(out, "parse only", count, parseSeconds);

            List<byte[]> serialized = serialize(pipeline.catalog().raw(), transactions);
            transactions = null; // let the parse go before the import parses again
            List<Double> ceilingRates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double ceilingSeconds = rawCeiling(bench, serialized, run);
                ceilingRates.add(count / ceilingSeconds);
                print(out, "raw producer ceiling (pre-serialized, one transaction) #" + run, count, ceilingSeconds);
            }
            serialized = null; // the import runs without the ceiling's records in memory

            List<Double> importRates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long importStart = System.nanoTime();
                ImportReport imported = importer.importFile(csv, "csv", options, false,
                        () -> new KafkaPublishers(bench, pipeline.catalog()).rawTransactionsInOneTransaction("bench-import"));
                double importSeconds = seconds(importStart);
                importRates.add(imported.published() / importSeconds);
                print(out, "parse + publish (ledgerstream import) #" + run, imported.published(), importSeconds);
            }

            out.printf("median of %d: raw ceiling %,.0f rows/s, parse + publish %,.0f rows/s%n",
                    runs, median(ceilingRates), median(importRates));
            out.printf("parse + publish / raw ceiling = %.2f%n", median(importRates) / median(ceilingRates));
        }
        return 0;
    }

    private static ImportReport dryRun(Importer importer, Path csv, ImportOptions options) throws IOException {
        return importer.importFile(csv, "csv", options, true, () -> {
            throw new IllegalStateException("a dry run publishes nothing");
        });
    }

    /** The records as the import sends them: Avro in the Confluent wire format. */
    private static List<byte[]> serialize(Topic<String, RawTransaction> raw, List<RawTransaction> transactions) {
        List<byte[]> values = new ArrayList<>(transactions.size());
        for (RawTransaction transaction : transactions) {
            values.add(raw.valueSerde().serializer().serialize(raw.name(), transaction));
        }
        return values;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Seconds to send {@code values} as they are, in one transaction, to a topic of their own. */
    private static double rawCeiling(LedgerstreamConfig config, List<byte[]> values, int run) throws Exception {
        String topic = "bench.raw-ceiling-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, config.partitions(), (short) 1))).all().get();
        }
        // exactly the importer's producer settings, so the ceiling differs from the import only in
        // what the import does per row: parse, build the record, serialize it
        Map<String, Object> properties = KafkaRecordPublisher.producerProperties(config, "bench-raw-ceiling");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-raw-ceiling");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            long start = System.nanoTime();
            producer.beginTransaction();
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, USER, value));
            }
            producer.commitTransaction();
            return seconds(start);
        }
    }

    /** A bank CSV of {@code rows} mock-feed transactions with a running balance, oldest first. */
    private static void writeCsv(Path file, int rows) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        BigDecimal balance = new BigDecimal("2500.00");
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write("Date,Description,Amount,Balance\n");
            int written = 0;
            for (RawTransaction transaction : new MockBankFeed(42, 50, clock)) {
                if (written++ == rows) {
                    break;
                }
                BigDecimal amount = new BigDecimal(transaction.getAmount());
                balance = balance.add(amount);
                writer.write(LocalDate.parse(transaction.getBookedAt()).format(UK_DATE));
                writer.write(",\"");
                writer.write(transaction.getDescription().replace("\"", "\"\""));
                writer.write("\",");
                writer.write(amount.toPlainString());
                writer.write(',');
                writer.write(balance.toPlainString());
                writer.write('\n');
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(PrintWriter out, String what, long count, double seconds) {
        out.printf("%-55s %,10d rows in %6.2f s = %,9.0f rows/s%n", what, count, seconds, count / seconds);
        out.flush();
    }
}
