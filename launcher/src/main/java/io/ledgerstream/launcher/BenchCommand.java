package io.ledgerstream.launcher;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.feed.MockBankFeed;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.stack.LocalStack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench}: the topology's throughput on the mock feed. Starts a throw-away local
 * stack, preloads N mock-feed records into transactions.raw, then starts one app instance and times
 * it from RUNNING until its committed offsets reach the end of the topic. Prints records/s.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure topology throughput on the mock feed (a throw-away local stack).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "200000", description = "Records to process (default: ${DEFAULT-VALUE}).")
    private int records;

    @Option(names = "--users", defaultValue = "200", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;

    BenchCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("ledgerstream-bench");
        try (LocalStack stack = LocalStack.builder(data).ephemeralPorts().start()) {
            LedgerstreamConfig bench = config
                    .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                    .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())
                    .with(Key.STATE_DIR, data.resolve("streams").toString())
                    .with(Key.APPLICATION_ID, "ledgerstream-bench")
                    .with(Key.HTTP_PORT, "0")
                    .with(Key.STREAM_THREADS, Integer.toString(threads));
            Pipeline pipeline = Pipeline.provision(bench);
            pipeline.publishSampleRates();

            // a fixed clock, so every run processes the same records
            Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
            List<RawTransaction> input = new MockBankFeed(42, users, clock).generate(records);
            long produceStart = System.nanoTime();
            try (RecordPublisher<String, RawTransaction> publisher =
                         new KafkaPublishers(bench, pipeline.catalog()).rawTransactions()) {
                input.forEach(record -> publisher.publish(record.getUserId(), record));
                publisher.flush();
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            out.printf("preloaded %,d mock-feed records for %d users in %.2f s (%,.0f records/s, idempotent producer)%n",
                    records, users, produceSeconds, records / produceSeconds);
            out.flush();

            try (LedgerstreamApp app = new LedgerstreamApp(bench, pipeline.catalog());
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                app.start();
                while (app.streams().state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(10);
                }
                long begin = System.nanoTime();
                String raw = pipeline.catalog().raw().name();
                while (ConsumerLag.of(admin, bench.applicationId(), raw) > 0) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                out.printf("topology: %,d records in %.2f s = %,.0f records/s (%d partitions, %d stream thread(s), "
                                + "exactly_once_v2, commit.interval.ms %s)%n",
                        records, seconds, records / seconds, bench.partitions(), threads,
                        io.ledgerstream.topology.StreamsSettings.properties(bench).getProperty("commit.interval.ms"));
            }
        }
        return 0;
    }
}
