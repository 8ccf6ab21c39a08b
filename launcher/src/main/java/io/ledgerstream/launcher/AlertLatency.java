package io.ledgerstream.launcher;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.kafka.KafkaRecordPublisher;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.schemas.topics.TopicProvisioner;
import io.ledgerstream.stack.LocalStack;
import io.ledgerstream.topology.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The latency part of {@code bench alerts}, on a real broker (a throw-away local stack): the
 * population's transactions, already serialized, are sent at a steady rate, first through an
 * exactly-once pass-through (bytes in, the same bytes out, the topology's Streams settings), then
 * into transactions.raw of a running Ledgerstream app. A read-committed consumer takes the
 * latency of each output record as the time it is read minus its timestamp, which is the time the
 * raw record was sent: Kafka Streams hands an input record's timestamp on to what it makes of it,
 * the pass-through's copy and the topology's alerts alike. Before each measured run, a warm-up load
 * at the same rate (the same population under other user ids) goes through and is drained, so both
 * are measured as a long-running instance runs, compiled by the JIT; records sent in the first
 * seconds of the measured run are left out too.
 */
final class AlertLatency {

    /** Latencies of one run, in milliseconds. */
    record Run(String name, int sent, long[] latencies) {

        long percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? -1 : sorted[(int) Math.ceil(p * sorted.length) - 1];
        }
    }

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String PASS_THROUGH_IN = "bench.pass-through.in";
    private static final String PASS_THROUGH_OUT = "bench.pass-through.out";
    /** Prefix of the warm-up load's user ids: users of their own, whose alerts are not measured. */
    private static final String WARM_UP_USERS = "warm-up-";

    private final LedgerstreamConfig config;
    private final Pipeline pipeline;
    private final int rate;
    private final Duration warmUp;
    private final List<ProducerRecord<String, byte[]>> warmUpLoad;
    private String threadTime = "";
    private String passThroughCommits = "";
    private String topologyCommits = "";

    private AlertLatency(LedgerstreamConfig config, Pipeline pipeline, int rate, Duration warmUp,
                         List<ProducerRecord<String, byte[]>> warmUpLoad) {
        this.config = config;
        this.pipeline = pipeline;
        this.rate = rate;
        this.warmUp = warmUp;
        this.warmUpLoad = warmUpLoad;
    }

    /** Both runs on one throw-away stack; prints them and their ratio. */
    static void measure(AlertPopulation population, AnomalyModelRelease forest, int rate, Duration warmUp,
                        Duration warmUpLoad, Path data, PrintWriter out) throws Exception {
        try (LocalStack stack = LocalStack.builder(data).ephemeralPorts().start()) {
            LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                            "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl()))
                    .with(Key.STATE_DIR, data.resolve("streams").toString())
                    .with(Key.APPLICATION_ID, "ledgerstream-bench-latency")
                    .with(Key.HTTP_PORT, "0");
            Pipeline pipeline = Pipeline.provision(config);
            try (Admin admin = Admin.create(config.adminProperties())) {
                TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(PASS_THROUGH_IN, config.partitions(), (short) 1),
                        new NewTopic(PASS_THROUGH_OUT, config.partitions(), (short) 1)), Duration.ofSeconds(60));
            }
            List<ProducerRecord<String, byte[]>> raw = serialized(pipeline, population, "");
            List<ProducerRecord<String, byte[]>> warm = serialized(pipeline, population, WARM_UP_USERS);
            warm = warm.subList(0, (int) Math.min(warm.size(), warmUpLoad.toSeconds() * rate));
            AlertLatency bench = new AlertLatency(config, pipeline, rate, warmUp, warm);
            out.printf("latency: %,d transactions at %,d/s on a local broker (%d partitions, exactly_once_v2, "
                            + "commit.interval.ms %d), each run after a warm-up load of %,d transactions at the same "
                            + "rate; the first %d s of each run left out%n", raw.size(), rate,
                    config.partitions(), StreamsSettings.COMMIT_INTERVAL_MS, warm.size(), warmUp.toSeconds());
            out.flush();
            Run passThrough = bench.passThrough(raw);
            print(out, passThrough);
            out.printf("  %s%n", bench.passThroughCommits);
            Run topology = bench.topology(raw, population, forest);
            print(out, topology);
            out.printf("  %s%n", bench.topologyCommits);
            out.printf("  stream thread's time (share of the last 30 s, Kafka Streams metrics): %s%n", bench.threadTime);
            out.printf(Locale.ROOT, "alert p99 / pass-through p99: %.2f (goal at most 1.3)%n",
                    (double) topology.percentile(0.99) / Math.max(1, passThrough.percentile(0.99)));
            out.flush();
        }
    }

    private static void print(PrintWriter out, Run run) {
        out.printf(Locale.ROOT, "  %-28s %,7d sent, %,6d measured: p50 %4d ms, p99 %4d ms, max %4d ms%n", run.name(),
                run.sent(), run.latencies().length, run.percentile(0.5), run.percentile(0.99), run.percentile(1.0));
        out.flush();
    }

    /**
     * The population as the bytes a producer of transactions.raw sends, serialized once for both runs,
     * its user ids prefixed with {@code users}.
     */
    private static List<ProducerRecord<String, byte[]>> serialized(Pipeline pipeline, AlertPopulation population,
                                                                   String users) {
        var serializer = pipeline.catalog().raw().valueSerde().serializer();
        String topic = pipeline.catalog().raw().name();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (RawTransaction transaction : population.transactions) {
            RawTransaction renamed = users.isEmpty() ? transaction
                    : RawTransaction.newBuilder(transaction).setUserId(users + transaction.getUserId()).build();
            records.add(new ProducerRecord<>(topic, renamed.getUserId(), serializer.serialize(topic, renamed)));
        }
        return records;
    }

    private Run passThrough(List<ProducerRecord<String, byte[]>> raw) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(PASS_THROUGH_IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties properties = StreamsSettings.properties(config);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledgerstream-bench-pass-through");
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "false");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            awaitRunning(streams);
            List<ProducerRecord<String, byte[]>> warm = warmUpLoad.stream()
                    .map(r -> new ProducerRecord<>(PASS_THROUGH_IN, r.key(), r.value())).toList();
            run("warm-up", warm, PASS_THROUGH_OUT, warm.size());
            List<ProducerRecord<String, byte[]>> copies = raw.stream()
                    .map(r -> new ProducerRecord<>(PASS_THROUGH_IN, r.key(), r.value())).toList();
            Commits before = Commits.of(streams);
            Run run = run("exactly-once pass-through", copies, PASS_THROUGH_OUT, copies.size());
            passThroughCommits = Commits.of(streams).since(before).describe(streams);
            return run;
        }
    }

    private Run topology(List<ProducerRecord<String, byte[]>> raw, AlertPopulation population, AnomalyModelRelease forest)
            throws InterruptedException {
        try (RecordPublisher<String, UserSettings> settings = KafkaRecordPublisher.open(config,
                pipeline.catalog().userSettings(), "ledgerstream-bench-latency")) {
            population.settings.forEach(settings::publish);
            settings.flush();
        }
        ModelPublisher.publish(config, pipeline.catalog().anomalyModels(), TopicCatalog.ANOMALY_MODEL_KEY, forest,
                forest.getVersion());
        try (LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog())) {
            app.start();
            awaitRunning(app.streams());
            run("warm-up", warmUpLoad, pipeline.catalog().alerts().name(), -1);
            Commits before = Commits.of(app.streams());
            Run run = run("topology, raw to alert", raw, pipeline.catalog().alerts().name(), -1);
            topologyCommits = Commits.of(app.streams()).since(before).describe(app.streams());
            threadTime = threadTime(app.streams());
            return run;
        }
    }

    /**
     * Sends {@code records} at the rate while a read-committed consumer reads {@code output} from its
     * end; stops reading when {@code expected} records came back (-1, for alerts, whose number is
     * not known ahead: when nothing came for {@link #QUIET} after the last send).
     */
    private Run run(String name, List<ProducerRecord<String, byte[]>> records, String output, int expected)
            throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        long measureFrom = System.currentTimeMillis() + warmUp.toMillis();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(output).stream()
                    .map(p -> new TopicPartition(output, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread producer = Thread.ofPlatform().name("bench-producer").start(() -> {
                send(records);
                sending.set(false);
            });
            int received = 0;
            long lastRead = System.nanoTime();
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline && (expected < 0 || received < expected)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    long read = System.currentTimeMillis();
                    received++;
                    lastRead = System.nanoTime();
                    if (record.timestamp() >= measureFrom) {
                        latencies.add(read - record.timestamp());
                    }
                }
                if (!sending.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
                }
                if (!sending.get() && expected < 0 && System.nanoTime() - lastRead > QUIET.toNanos()) {
                    break;
                }
            }
            producer.join();
        }
        return new Run(name, records.size(), latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** Sends every record at the rate, each stamped with the time it is sent. */
    private void send(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> properties = KafkaRecordPublisher.producerProperties(config, "ledgerstream-bench-latency");
        // the bulk settings wait for full batches; a steady feed sends as records come
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records.size(); i++) {
                long due = start + i * 1_000_000_000L / rate;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                ProducerRecord<String, byte[]> record = records.get(i);
                producer.send(new ProducerRecord<>(record.topic(), null, System.currentTimeMillis(), record.key(),
                        record.value()));
            }
            producer.flush();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Where the stream thread's time went over the run, from Kafka Streams' thread metrics (shares
     * of wall time in process, commit, poll and punctuate), so a latency that grows can be told apart:
     * a thread busy processing is short of capacity, one in commit waits for the broker.
     */
    private static String threadTime(KafkaStreams streams) {
        StringBuilder shares = new StringBuilder();
        for (String ratio : List.of("process-ratio", "commit-ratio", "poll-ratio", "punctuate-ratio")) {
            streams.metrics().values().stream()
                    .filter(metric -> metric.metricName().group().equals("stream-thread-metrics")
                            && metric.metricName().name().equals(ratio))
                    .findFirst()
                    .ifPresent(metric -> shares.append(String.format(Locale.ROOT, " %s %.2f",
                            ratio.replace("-ratio", ""), ((Number) metric.metricValue()).doubleValue())));
        }
        return shares.toString().strip();
    }

    /**
     * The commits of a stream thread and the time its producer spent in each part of them, in total
     * (Kafka's cumulative producer metrics), so a run's commits can be told apart: the flush waits for
     * the broker to take every record sent since the last commit (Kafka Streams flushes once per task),
     * then the consumed offsets are sent and the transaction is ended; what else a commit takes is the
     * tasks' own work before those (caches and held store writes written down).
     */
    private record Commits(double count, double flushNs, double offsetsNs, double endNs) {

        static Commits of(KafkaStreams streams) {
            return new Commits(total(streams, "stream-thread-metrics", "commit-total"),
                    total(streams, "producer-metrics", "flush-time-ns-total"),
                    total(streams, "producer-metrics", "txn-send-offsets-time-ns-total"),
                    total(streams, "producer-metrics", "txn-commit-time-ns-total"));
        }

        Commits since(Commits before) {
            return new Commits(count - before.count, flushNs - before.flushNs, offsetsNs - before.offsetsNs,
                    endNs - before.endNs);
        }

        /** With the average commit's length: the thread's commit share over its commit rate (the last 30 s). */
        String describe(KafkaStreams streams) {
            double msPerCommitAndNs = 1e-6 / Math.max(1, count);
            double lastCommitMs = 1000 * total(streams, "stream-thread-metrics", "commit-ratio")
                    / total(streams, "stream-thread-metrics", "commit-rate");
            return String.format(Locale.ROOT, "commits: %,.0f in the run, %.1f ms each (the last 30 s); per commit"
                            + " the producer's flush %.1f ms, sending the offsets %.1f ms,"
                            + " ending the transaction %.1f ms", count, lastCommitMs, flushNs * msPerCommitAndNs,
                    offsetsNs * msPerCommitAndNs, endNs * msPerCommitAndNs);
        }

        private static double total(KafkaStreams streams, String group, String name) {
            return streams.metrics().values().stream()
                    .filter(metric -> metric.metricName().group().equals(group)
                            && metric.metricName().name().equals(name))
                    .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                    .filter(value -> !Double.isNaN(value))
                    .sum();
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within 60 s: " + streams.state());
            }
            Thread.sleep(20);
        }
    }
}
