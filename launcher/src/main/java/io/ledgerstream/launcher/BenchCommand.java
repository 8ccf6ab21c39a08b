package io.ledgerstream.launcher;

import com.sun.management.OperatingSystemMXBean;
import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.feed.MockBankFeed;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.stack.LocalStack;
import io.ledgerstream.topology.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench}: the topology's throughput on the mock feed. Starts a throw-away local
 * stack, preloads N mock-feed records into transactions.raw, times an exactly-once pass-through of
 * them (the ceiling), then starts one app instance and times it from RUNNING until its committed
 * offsets reach the end of the topic. Prints both rates and their ratio, the topology's rate by 10 s
 * window and its CPU time per record, then the memory the app holds: its state on disk, its heap
 * after a full collection and the growth of the process' resident set; with {@value #PER_USERS_FROM}
 * users or more, each per 100,000 users too.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure topology throughput on the mock feed (a throw-away local stack).")
final class BenchCommand implements Callable<Integer> {

    private static final String PASS_THROUGH_OUT = "bench.pass-through.out";
    private static final String PASS_THROUGH_ID = "ledgerstream-bench-pass-through";
    /**
     * Users from which the memory is also given per 100,000 users. Below, the fixed part (an instance
     * with 200 users held 47 MB of heap, with 100,000 users 118 MB) makes a linear scale meaningless.
     */
    static final int PER_USERS_FROM = 50_000;

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

    private double passThroughRate;

    /**
     * The ceiling on this broker: Kafka Streams copying the same preloaded records, as bytes, to
     * another topic with the topology's settings (exactly_once_v2, commit.interval.ms), timed as the
     * topology is. It runs first, so the JIT has compiled the Kafka clients for the topology too.
     */
    private static double passThrough(LedgerstreamConfig bench, Admin admin, String raw, PrintWriter out)
            throws Exception {
        admin.createTopics(List.of(new NewTopic(PASS_THROUGH_OUT, bench.partitions(), (short) 1))).all().get();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(raw, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties properties = StreamsSettings.properties(bench);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, PASS_THROUGH_ID);
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "false");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, bench.stateDir() + "-pass-through");
        long records = ConsumerLag.of(admin, PASS_THROUGH_ID, raw);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(10);
            }
            long begin = System.nanoTime();
            while (ConsumerLag.of(admin, PASS_THROUGH_ID, raw) > 0) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            out.printf("exactly-once pass-through: %,d records in %.2f s = %,.0f records/s%n",
                    records, seconds, records / seconds);
            out.flush();
            return records / seconds;
        }
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

            double produceSeconds = preload(bench, pipeline);
            out.printf("preloaded %,d mock-feed records for %d users in %.2f s (%,.0f records/s, idempotent producer)%n",
                    records, users, produceSeconds, records / produceSeconds);
            out.flush();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                passThroughRate = passThrough(bench, admin, pipeline.catalog().raw().name(), out);
            }
            Memory before = Memory.now();
            try (LedgerstreamApp app = new LedgerstreamApp(bench, pipeline.catalog());
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                app.start();
                while (app.streams().state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(10);
                }
                long begin = System.nanoTime();
                String raw = pipeline.catalog().raw().name();
                Progress progress = new Progress(begin, records);
                long lag;
                while ((lag = ConsumerLag.of(admin, bench.applicationId(), raw)) > 0) {
                    progress.record(System.nanoTime(), records - lag);
                    Thread.sleep(50);
                }
                long end = System.nanoTime();
                progress.record(end, records);
                double seconds = (end - begin) / 1e9;
                out.printf("topology: %,d records in %.2f s = %,.0f records/s (%d partitions, %d stream thread(s), "
                                + "exactly_once_v2, commit.interval.ms %s)%n",
                        records, seconds, records / seconds, bench.partitions(), threads,
                        StreamsSettings.properties(bench).getProperty("commit.interval.ms"));
                progress.print(out);
                out.printf("topology / pass-through: %.3f (records/s over the whole drain)%n",
                        records / seconds / passThroughRate);
                Memory after = Memory.now();
                long stateBytes = sizeOf(Path.of(bench.stateDir()));
                double stateMb = stateBytes / (double) (1 << 20);
                double heapMb = (after.heap() - before.heap()) / (double) (1 << 20);
                double residentMb = (after.resident() - before.resident()) / (double) (1 << 20);
                out.printf("memory after the drain, %,d users with %,.1f transactions each: state on disk %,.0f MB"
                                + " (RocksDB and checkpoints, without standbys); the app's heap after a full GC %,.0f MB;"
                                + " the process' resident memory grew by %,.0f MB%n",
                        users, (double) records / users, stateMb, heapMb, residentMb);
                if (users >= PER_USERS_FROM) {
                    double scale = 100_000.0 / users;
                    out.printf("  per 100,000 users: state on disk %,.0f MB, heap %,.0f MB, resident growth %,.0f MB%n",
                            stateMb * scale, heapMb * scale, residentMb * scale);
                } else {
                    out.printf("  (not scaled per 100,000 users: with %,d users what any instance holds, whatever its"
                            + " users, outweighs theirs; --users %,d or more gives that figure)%n", users, PER_USERS_FROM);
                }
            }
        }
        return 0;
    }

    /**
     * Generates the mock-feed records and publishes them; returns the seconds publishing took. The
     * records are dropped on return, so the heap measured later is the app's.
     */
    private double preload(LedgerstreamConfig bench, Pipeline pipeline) {
        // a fixed clock, so every run processes the same records
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        List<RawTransaction> input = new MockBankFeed(42, users, clock).generate(records);
        long produceStart = System.nanoTime();
        try (RecordPublisher<String, RawTransaction> publisher =
                     new KafkaPublishers(bench, pipeline.catalog()).rawTransactions()) {
            input.forEach(record -> publisher.publish(record.getUserId(), record));
            publisher.flush();
        }
        return (System.nanoTime() - produceStart) / 1e9;
    }

    /** This process' heap after a full collection, and its resident set (Linux; 0 elsewhere), in bytes. */
    private record Memory(long heap, long resident) {

        static Memory now() {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long resident = 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        resident = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux: no resident set to report
            }
            return new Memory(heap, resident);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed meanwhile (a compaction)
                }
            }).sum();
        }
    }

    /**
     * Committed records and CPU time over time, to tell the warm-up (the JIT compiles Streams, Avro
     * and the topology for the first tens of seconds, on the same cores) from the steady rate, and
     * to say what each record costs in CPU: wall-clock rates on a shared two-core machine vary by a
     * tenth from run to run, CPU time per record much less.
     */
    static final class Progress {

        private static final long WINDOW_NANOS = 10_000_000_000L;
        private final long begin;
        private final long total;
        private final List<Point> points = new ArrayList<>();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final OperatingSystemMXBean system =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        /** CPU nanoseconds: of the stream threads, of this whole JVM, of the local broker process. */
        private record Point(long time, long done, long streamCpu, long appCpu, long brokerCpu) {
        }

        Progress(long begin, long total) {
            this.begin = begin;
            this.total = total;
            points.add(point(begin, 0));
        }

        void record(long now, long done) {
            points.add(point(now, done));
        }

        private Point point(long now, long done) {
            long stream = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                    .filter(info -> info != null && info.getThreadName().contains("-StreamThread-")
                            && !info.getThreadName().endsWith("-producer"))
                    .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))
                    .sum();
            // the broker is the child whose command line names its logging settings: the class path
            // before its main class is longer than the command line the JDK reports
            long broker = ProcessHandle.current().descendants()
                    .filter(child -> child.info().commandLine().orElse("").contains("broker-logback.xml"))
                    .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                    .sum();
            return new Point(now, done, stream, system.getProcessCpuTime(), broker);
        }

        /** Records/s in each 10 s window; rate and CPU per record over the second half of the records. */
        void print(PrintWriter out) {
            StringBuilder windows = new StringBuilder("  by 10 s window:");
            for (long from = begin; ; from += WINDOW_NANOS) {
                Point start = at(from);
                Point stop = at(from + WINDOW_NANOS);
                if (stop.time() <= start.time()) {
                    break;
                }
                windows.append(String.format(" %,.0f", (stop.done() - start.done()) / ((stop.time() - start.time()) / 1e9)));
                if (stop.done() >= total) {
                    break;
                }
            }
            out.println(windows + " records/s");
            Point half = points.stream().filter(p -> p.done() >= total / 2).findFirst().orElseThrow();
            Point last = points.get(points.size() - 1);
            double records = last.done() - half.done();
            out.printf("  second half of the records: %,.0f records/s; CPU per record: stream thread(s) %.0f µs, "
                            + "this JVM in all %.0f µs, broker %.0f µs%n",
                    records / ((last.time() - half.time()) / 1e9),
                    (last.streamCpu() - half.streamCpu()) / 1e3 / records,
                    (last.appCpu() - half.appCpu()) / 1e3 / records,
                    (last.brokerCpu() - half.brokerCpu()) / 1e3 / records);
        }

        /** The last point at or before {@code time}. */
        private Point at(long time) {
            Point found = points.get(0);
            for (Point point : points) {
                if (point.time() <= time) {
                    found = point;
                }
            }
            return found;
        }
    }
}
