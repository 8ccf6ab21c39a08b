package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.stack.LocalStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.ledgerstream.topology.StoreNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the real broker, registry and Redis, each while records are flowing, each followed by the
 * same checks ({@link Exactness}): every summary equals the ground truth computed from the
 * statements, every transaction version is on {@code transactions.enriched} exactly once, and no
 * alert is missing or there twice.
 */
class FaultToleranceTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** How soon the group gives up on a killed instance (the broker's minimum). */
    private static final String SESSION_TIMEOUT_MS = "6000";
    /** How long the registry and Redis stay away. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final Map<String, Admin> admins = new HashMap<>();

    /**
     * A stream thread that fails (the registry away) is replaced by Streams' handler, but it still
     * ends with its exception, which Awaitility would otherwise take for the test's own failure.
     */
    @BeforeAll
    static void letStreamsHandleItsThreads() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void resetAwaitility() {
        Awaitility.reset();
    }

    @Test
    @DisplayName("an instance killed with SIGKILL three times mid-load loses and repeats nothing")
    void shouldLoseAndRepeatNothingWhenAnInstanceIsKilledThreeTimesMidLoad() throws Exception {
        LedgerstreamConfig config = TestStack.instance(TestStack.config("faults-kill", dir.resolve("unused")), dir, "k");
        Pipeline pipeline = Pipeline.provision(config);
        StatementScenario scenario = importScenario(config, new StatementScenario(31, 10, 800, YearMonth.of(2026, 1), 3));
        long total = lag(config, pipeline.catalog());

        List<Long> lagAtKills = new ArrayList<>();
        for (double done : new double[] {0.25, 0.5, 0.75}) {
            AppProcess app = AppProcess.start(config, dir.resolve("app-" + lagAtKills.size() + ".log"), SESSION_TIMEOUT_MS);
            try {
                await().alias("a quarter more of the records committed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                        .until(() -> lag(config, pipeline.catalog()) <= total * (1 - done));
            } finally {
                lagAtKills.add(lag(config, pipeline.catalog()));
                app.kill();
            }
        }
        AppProcess app = AppProcess.start(config, dir.resolve("app-last.log"), SESSION_TIMEOUT_MS);
        try {
            awaitDrained(config, pipeline.catalog());
            String apiUrl = "http://" + config.applicationServer().orElseThrow();
            awaitApiEquals(new ApiClient(apiUrl), GroundTruth.summaries(scenario, Scenarios.RATES));
        } finally {
            app.kill();
        }
        System.out.printf("faults: killed with SIGKILL with %s of %,d raw records not yet committed%n", lagAtKills, total);
        assertThat(lagAtKills).as("records not yet committed at each kill: each kill was mid-load")
                .hasSize(3).allMatch(lag -> lag > 0 && lag < total);
        assertExactlyOnce(config, pipeline.catalog(), scenario);
    }

    @Test
    @DisplayName("a broker restarted mid-stream: nothing lost or repeated")
    void shouldLoseAndRepeatNothingWhenTheBrokerRestartsMidStream() throws Exception {
        // its own broker: restarting the one the other tests share would fail them
        try (LocalStack stack = LocalStack.builder(dir.resolve("stack")).ephemeralPorts().start()) {
            LedgerstreamConfig config = TestStack.config("faults-broker", dir.resolve("state"))
                    .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                    .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            Pipeline pipeline = Pipeline.provision(config);
            StatementScenario scenario = importScenario(config, new StatementScenario(37, 8, 800, YearMonth.of(2026, 1), 3));
            long total = lag(config, pipeline.catalog());

            try (LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog()).start()) {
                await().alias("a third of the records committed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                        .until(() -> lag(config, pipeline.catalog()) <= total * 2 / 3);
                long lagAtRestart = lag(config, pipeline.catalog());
                long restartingAt = System.nanoTime();
                stack.restartBroker();
                long restartMillis = Duration.ofNanos(System.nanoTime() - restartingAt).toMillis();

                awaitDrained(config, pipeline.catalog());
                awaitApiEquals(new ApiClient(app.apiUrl()), GroundTruth.summaries(scenario, Scenarios.RATES));
                System.out.printf("faults: broker restarted (%,d ms) with %,d of %,d raw records not yet committed%n",
                        restartMillis, lagAtRestart, total);
                assertThat(lagAtRestart).as("records not yet committed at the restart").isBetween(1L, total - 1);
                assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
            assertExactlyOnce(config, pipeline.catalog(), scenario);
        }
    }

    @Test
    @DisplayName("the registry away for a while: records wait for it, none is dead-lettered")
    void shouldWaitForTheRegistryRatherThanRejectGoodRecords() throws Exception {
        LedgerstreamConfig direct = TestStack.config("faults-registry", dir.resolve("state"));
        URI registry = URI.create(direct.schemaRegistryUrl());
        try (FaultyProxy proxy = FaultyProxy.to(registry)) {
            LedgerstreamConfig config = direct.with(Key.SCHEMA_REGISTRY_URL, proxy.address(registry));
            Pipeline pipeline = Pipeline.provision(config);
            StatementScenario scenario = importScenario(config, new StatementScenario(41, 6, 600, YearMonth.of(2026, 1), 3));
            long total = lag(config, pipeline.catalog());
            // an instance that has not asked the registry anything yet: every schema is still to fetch
            TopicCatalog cold = TopicCatalog.create(config.topicPrefix(), config.partitions(),
                    new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl())));

            proxy.cut();
            try (LedgerstreamApp app = new LedgerstreamApp(config, cold).start()) {
                // Then, while the registry is away: nothing is committed, so nothing is dead-lettered either
                await().alias("no progress while the registry is away").during(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                        .until(() -> lag(config, pipeline.catalog()) == total);
                proxy.restore();
                long restoredAt = System.nanoTime();

                awaitDrained(config, pipeline.catalog());
                System.out.printf("faults: registry away %d s; every raw record committed %,d ms after it was back%n",
                        OUTAGE.toSeconds(), Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());
                awaitApiEquals(new ApiClient(app.apiUrl()), GroundTruth.summaries(scenario, Scenarios.RATES));
                assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
            Exactness.Outputs outputs = Exactness.read(config, pipeline.catalog());
            assertThat(outputs.rejected()).as("records rejected: none, the registry's absence is not theirs").isEmpty();
            assertExactlyOnce(config, pipeline.catalog(), scenario);
        }
    }

    @Test
    @DisplayName("Redis away: right answers from both instances; back: right answers, never one remembered from before")
    void shouldAnswerRightWithoutRedisAndNothingStaleOnceItIsBack() throws Exception {
        LedgerstreamConfig direct = TestStack.config("faults-redis", dir.resolve("unused"));
        URI redis = URI.create(direct.redisUrl());
        try (FaultyProxy proxy = FaultyProxy.to(redis)) {
            LedgerstreamConfig config = direct.with(Key.REDIS_URL, proxy.address(redis));
            Pipeline pipeline = Pipeline.provision(config);
            StatementScenario scenario = importScenario(config, new StatementScenario(43, 6, 300, YearMonth.of(2026, 1), 2));
            Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> before = GroundTruth.summaries(scenario, Scenarios.RATES);

            // two instances: the one that does not own a user answers from Redis, or asks the owner
            LedgerstreamConfig aConfig = TestStack.instance(config, dir, "a");
            try (LedgerstreamApp a = new LedgerstreamApp(aConfig, pipeline.catalog()).start();
                 LedgerstreamApp b = new LedgerstreamApp(TestStack.instance(config, dir, "b"), pipeline.catalog()).start()) {
                Instances instances = new Instances(a, HostInfo.buildFromEndpoint(aConfig.applicationServer().orElseThrow()), b);
                List<ApiClient> apis = List.of(new ApiClient(a.apiUrl()), new ApiClient(b.apiUrl()));
                for (ApiClient api : apis) {
                    awaitApiEquals(api, before);
                }
                assertThat(cacheHits(instances, before)).as("answers from Redis, through the proxy").isPositive();

                // When: Redis goes away, and every user's first month gets new payments
                proxy.cut();
                Map<String, List<String>> later = scenario.addLaterStatements(4);
                Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> after = GroundTruth.summaries(scenario, Scenarios.RATES);
                assertThat(after).as("the later payments change the summaries").isNotEqualTo(before);
                Scenarios.importStatements(config, later, dir, "-later").forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());

                // Then: both answer right without Redis
                for (ApiClient api : apis) {
                    awaitApiEquals(api, after);
                }

                // When: Redis is back, holding the answers from before the payments; then: every answer
                // right, until the instances that do not own a user answer it from Redis again
                proxy.restore();
                long restoredAt = System.nanoTime();
                await().alias("answers from Redis again, every one of them right").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200)).until(() -> cacheHits(instances, after) > 0);
                System.out.printf("faults: Redis back; a non-owner answered from it again after %,d ms%n",
                        Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());
                for (ApiClient api : apis) {
                    Scenarios.assertApiEquals(api, after);
                }
            }
            assertExactlyOnce(config, pipeline.catalog(), scenario);
        }
    }

    /**
     * Reads every summary from the instance that does not own its user, checking each against the
     * truth: how many that instance answered from the shared cache (Redis, or its memory of Redis'
     * answers), which is all a non-owner can answer from without asking the owner.
     */
    private static long cacheHits(Instances instances, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> truth) {
        long hits = 0;
        for (var user : truth.entrySet()) {
            LedgerstreamApp other = instances.notOwning(user.getKey());
            ApiClient api = new ApiClient(other.apiUrl());
            for (var month : user.getValue().entrySet()) {
                ApiClient.Reply reply = api.get("/api/v1/users/" + user.getKey() + "/summary?month=" + month.getKey());
                assertThat(reply.status()).as("%s %s from %s", user.getKey(), month.getKey(), other.apiUrl()).isEqualTo(200);
                assertThat(Scenarios.summaryOf(reply.body())).as("%s %s from %s (X-Cache: %s)", user.getKey(),
                        month.getKey(), other.apiUrl(), reply.header("X-Cache")).isEqualTo(month.getValue());
                hits += "hit".equals(reply.header("X-Cache")) ? 1 : 0;
            }
        }
        return hits;
    }

    /** Two instances, the first at {@code aHost}. */
    private record Instances(LedgerstreamApp a, HostInfo aHost, LedgerstreamApp b) {

        /** The instance whose active tasks do not hold {@code user}. */
        LedgerstreamApp notOwning(String user) {
            KeyQueryMetadata owner = a.streams().queryMetadataForKey(StoreNames.MONTHLY_SUMMARIES, user,
                    Serdes.String().serializer());
            return owner.activeHost().equals(aHost) ? b : a;
        }
    }

    @Test
    @DisplayName("poison records of every kind are dead-lettered or skipped, and nothing else is lost")
    void shouldDeadLetterEveryKindOfPoisonAndLoseNothingElse() throws Exception {
        LedgerstreamConfig config = TestStack.config("faults-poison", dir.resolve("state"));
        Pipeline pipeline = Pipeline.provision(config);
        TopicCatalog catalog = pipeline.catalog();
        assertThat(Scenarios.cli(config, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        StatementScenario scenario = new StatementScenario(47, 4, 300, YearMonth.of(2026, 1), 2);
        String user = scenario.users.getFirst();

        try (LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog()).start()) {
            Map<String, Long> expectedReasons = publishPoison(config, catalog, user);
            Scenarios.importAll(config, scenario, dir).forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());
            expectedReasons = merge(expectedReasons, publishPoison(config, catalog, user));

            awaitDrained(config, catalog);
            awaitApiEquals(new ApiClient(app.apiUrl()), GroundTruth.summaries(scenario, Scenarios.RATES));
            assertThat(app.streams().state()).as("after poison on every input topic").isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(Exactness.reasons(Exactness.read(config, catalog))).as("dead letters by reason")
                    .isEqualTo(expectedReasons);
        }
        assertExactlyOnce(config, catalog, scenario);
    }

    /**
     * One record of every kind the topology refuses on transactions.raw, and bytes that are not
     * Avro on every other input topic: the dead letters expected, by reason.
     */
    private static Map<String, Long> publishPoison(LedgerstreamConfig config, TopicCatalog catalog, String user) {
        String raw = catalog.raw().name();
        Map<String, Long> reasons = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
        byte[] valid = avro(catalog, rawTransaction(user, "poison-valid").build());
        byte[] unknownSchemaId = {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6};
        for (byte[] bytes : List.of("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), unknownSchemaId,
                Arrays.copyOf(valid, valid.length / 2), new byte[0])) {
            poison.add(new ProducerRecord<>(raw, user, bytes));
        }
        poison.add(new ProducerRecord<>(raw, user, null)); // a tombstone
        reasons.put("UNDESERIALIZABLE", 5L);
        Map<String, RawTransaction> invalid = new LinkedHashMap<>();
        invalid.put("MISSING_FIELD", rawTransaction(user, " ").build());
        invalid.put("BAD_USER_ID", rawTransaction("someone|else", "poison-user").build());
        invalid.put("BAD_DATE", rawTransaction(user, "poison-date").setBookedAt("2026-02-30").build());
        invalid.put("BAD_AMOUNT", rawTransaction(user, "poison-amount").setAmount("12,5x").build());
        invalid.put("UNKNOWN_CURRENCY", rawTransaction(user, "poison-currency").setCurrency("XYZ").build());
        invalid.put("BAD_MCC", rawTransaction(user, "poison-mcc").setMcc("12a").build());
        invalid.put("NO_FX_RATE", rawTransaction(user, "poison-rate").setCurrency("JPY").build());
        invalid.forEach((reason, transaction) -> {
            poison.add(new ProducerRecord<>(raw, transaction.getUserId(), avro(catalog, transaction)));
            reasons.put(reason, 1L);
        });
        poison.add(new ProducerRecord<>(raw, "not-" + user, avro(catalog, rawTransaction(user, "poison-key").build())));
        reasons.put("KEY_MISMATCH", 1L);
        byte[] notAvro = "not avro".getBytes(StandardCharsets.UTF_8);
        for (String side : List.of(catalog.userSettings().name(), catalog.corrections().name(), catalog.userAccounts().name(),
                catalog.fxRates().name(), catalog.categorizerModels().name(), catalog.anomalyModels().name())) {
            poison.add(new ProducerRecord<>(side, user, notAvro));
        }
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            poison.forEach(producer::send);
            producer.flush();
        }
        return reasons;
    }

    private static RawTransaction.Builder rawTransaction(String user, String transactionId) {
        return RawTransaction.newBuilder().setTransactionId(transactionId).setUserId(user).setBookedAt("2026-01-09")
                .setAmount("-5.00").setCurrency("EUR").setDescription("poison");
    }

    private static byte[] avro(TopicCatalog catalog, RawTransaction transaction) {
        return catalog.raw().valueSerde().serializer().serialize(catalog.raw().name(), transaction);
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new LinkedHashMap<>(a);
        b.forEach((reason, count) -> sum.merge(reason, count, Long::sum));
        return sum;
    }

    /** Publishes the reference rates and imports the scenario's statements; the scenario. */
    private StatementScenario importScenario(LedgerstreamConfig config, StatementScenario scenario) throws Exception {
        assertThat(Scenarios.cli(config, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        Scenarios.importAll(config, scenario, dir).forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());
        return scenario;
    }

    private void assertExactlyOnce(LedgerstreamConfig config, TopicCatalog catalog, StatementScenario scenario) {
        Exactness.assertExactlyOnce(Exactness.read(config, catalog),
                Exactness.withoutFaults(config, catalog, dir.resolve("without-faults")), scenario);
    }

    /** Raw records the app has not committed yet; one admin client per configuration, polled often. */
    private long lag(LedgerstreamConfig config, TopicCatalog catalog) throws Exception {
        Admin admin = admins.computeIfAbsent(config.bootstrapServers(), servers -> Admin.create(config.adminProperties()));
        return ConsumerLag.of(admin, config.applicationId(), catalog.raw().name());
    }

    @AfterEach
    void closeAdmins() {
        admins.values().forEach(Admin::close);
        admins.clear();
    }

    private void awaitDrained(LedgerstreamConfig config, TopicCatalog catalog) {
        await().alias("every raw record committed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> lag(config, catalog) == 0);
    }

    private static void awaitApiEquals(ApiClient api, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected) {
        await().alias("every summary equals the ground truth").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
    }
}
