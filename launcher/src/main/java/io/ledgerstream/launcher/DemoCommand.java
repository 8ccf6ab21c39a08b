package io.ledgerstream.launcher;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.feed.MockBankFeed;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.connectors.notify.AlertConsumer;
import io.ledgerstream.connectors.notify.LogNotifier;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.stack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream demo}: the whole system on this machine with no set-up: a local Kafka broker
 * and schema registry on the default ports, the sample FX rates, the app, the mock bank feed and a
 * notifier that logs. Data lives in {@code .data/demo} and survives a restart.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole stack locally: Kafka, schema registry, the app, the mock feed, a log notifier.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    private static final int FIRST_MODEL_PER_MERCHANT = 8;
    /** The token the demo prints holds this long, for trying the API by hand. */
    private static final Duration DEMO_TOKEN_TTL = Duration.ofHours(12);
    /** Users of the populations the demo's first forest is grown and scored on: smaller than train anomalies', to be quick. */
    private static final int FIRST_FOREST_USERS = 100;

    @Option(names = "--reset", description = "Wipe the demo's data (Kafka logs, schemas, state) first.")
    private boolean reset;

    @Option(names = "--users", defaultValue = "5", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--rate", defaultValue = "20", description = "Mock feed records per second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--seed", defaultValue = "42", description = "Mock feed seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--data-dir", description = "Where the demo keeps its data (default: .data/demo in the project).")
    private Path dataDir;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;

    DemoCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDir != null ? dataDir : ProjectHome.path().resolve(".data/demo");
        LocalStack stack = LocalStack.builder(data).kafkaPort(LocalStack.DEFAULT_KAFKA_PORT)
                .registryPort(LocalStack.DEFAULT_REGISTRY_PORT).reset(reset).start();
        LedgerstreamConfig demo = config
                .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())
                .with(Key.STATE_DIR, data.resolve("streams").toString())
                .with(Key.JWT_SECRET, config.jwtSecret().orElseGet(() -> demoSecret(data)))
                .with(Key.REGISTRATION, "open");
        Pipeline pipeline = Pipeline.provision(demo);
        pipeline.publishSampleRates();

        LedgerstreamApp app = new LedgerstreamApp(demo, pipeline.catalog());
        AlertConsumer notifier = new AlertConsumer(demo, pipeline.catalog().alerts(),
                demo.applicationId() + "-notifier-log", new LogNotifier());
        MockBankFeed feed = new MockBankFeed(seed, users, Clock.systemDefaultZone());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            feed.stop();
            notifier.close();
            app.close();
            stack.close();
            stopped.countDown();
        }, "demo-shutdown"));

        app.start();
        Thread.ofPlatform().name("notifier").daemon().start(notifier);
        Thread.ofPlatform().name("mock-feed").daemon().start(() -> runFeed(new KafkaPublishers(demo, pipeline.catalog()), feed));
        Thread.ofPlatform().name("first-model").daemon().start(() -> trainFirstModel(demo, pipeline));

        String firstUser = "user-001";
        YearMonth month = YearMonth.from(feed.startDate());
        out.printf("%nLedgerstream demo is up (%.1f s). Data in %s; Ctrl-C stops it.%n",
                (System.nanoTime() - begin) / 1e9, data);
        out.printf("  Kafka            %s%n  Schema registry  %s%n  API              %s%n",
                stack.bootstrapServers(), stack.schemaRegistryUrl(), app.apiUrl());
        out.printf("  Mock feed        %d users at %d records/s from %s (seed %d)%n", users, rate, feed.startDate(), seed);
        String token = new TokenService(demo.jwtSecret().orElseThrow(), DEMO_TOKEN_TTL, Clock.systemUTC())
                .issue(firstUser, Set.of()).token();
        out.printf("Registration is open in the demo (POST /api/v1/auth/register, then /api/v1/auth/login)."
                + " A token of %s for %d hours:%n  TOKEN=%s%n", firstUser, DEMO_TOKEN_TTL.toHours(), token);
        out.printf("Try:%n  curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/users/%s/months%n"
                        + "  curl -H \"Authorization: Bearer $TOKEN\" '%s/api/v1/users/%s/summary?month=%s'%n"
                        + "  curl -H \"Authorization: Bearer $TOKEN\" '%s/api/v1/users/%s/transactions?limit=5'%n"
                        + "  curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/users/%s/alerts%n%n",
                app.apiUrl(), firstUser, app.apiUrl(), firstUser, month, app.apiUrl(), firstUser, app.apiUrl(), firstUser);
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The demo's token key: made once at random and kept in {@code jwt-secret} of the data directory
     * (readable by its owner only), so tokens hold across demo restarts; gone with {@code --reset}.
     */
    static String demoSecret(Path data) {
        Path file = data.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(data);
            String secret = TokenService.randomSecret();
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions on {}", file);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo's token key in " + file, e);
        }
    }

    /**
     * Until a model is released, the model tier abstains: the first demo run trains one (smaller than
     * {@code ./ledgerstream train}'s, to be quick) while the app already runs, and the app takes it
     * over when it lands. The same for the anomaly detector's isolation forest, which stays quiet
     * until one is released.
     */
    private static void trainFirstModel(LedgerstreamConfig demo, Pipeline pipeline) {
        try {
            CategorizerTraining training = new CategorizerTraining(demo, pipeline.catalog(), Clock.systemUTC());
            if (training.hasRelease()) {
                return;
            }
            LOG.info("no categorizer model released yet: training the first one in the background");
            StringWriter report = new StringWriter();
            Optional<String> released = training.round(FIRST_MODEL_PER_MERCHANT, 42, 3, false, new PrintWriter(report));
            LOG.info("{}first categorizer model {}", report, released.map(v -> v + " released").orElse("not released"));
        } catch (RuntimeException e) {
            LOG.error("training the first categorizer model failed; run ./ledgerstream train", e);
        }
        try {
            if (TopicSnapshot.latestByKey(demo, pipeline.catalog().anomalyModels()).containsKey(TopicCatalog.ANOMALY_MODEL_KEY)) {
                return;
            }
            LOG.info("no isolation forest released yet: growing the first one in the background");
            StringWriter report = new StringWriter();
            Optional<String> released = AnomalyTraining.round(demo, pipeline.catalog(), Clock.systemUTC(), FIRST_FOREST_USERS,
                    Double.parseDouble(AnomalyTraining.DEFAULT_ALERTS_PER_MILLE), false, new PrintWriter(report));
            LOG.info("{}first isolation forest {}", report, released.map(v -> v + " released").orElse("not released"));
        } catch (RuntimeException e) {
            LOG.error("growing the first isolation forest failed; run ./ledgerstream train anomalies", e);
        }
    }

    private void runFeed(KafkaPublishers publishers, MockBankFeed feed) {
        try (RecordPublisher<String, RawTransaction> publisher = publishers.rawTransactions()) {
            feed.run(publisher, rate, 0, null);
        } catch (Exception e) {
            LOG.error("the mock feed stopped", e);
        }
    }
}
