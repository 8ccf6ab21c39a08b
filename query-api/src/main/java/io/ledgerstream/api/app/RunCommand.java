package io.ledgerstream.api.app;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.schemas.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream run}: one app instance (Streams and its API) against the configured Kafka and
 * schema registry, until SIGTERM or Ctrl-C, when a shutdown hook closes it. Exits 1 if Streams fails
 * for good on its own.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one Ledgerstream instance: the Kafka Streams topology and its HTTP API, until stopped.")
public final class RunCommand implements Callable<Integer> {

    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Option(names = "--http-host", description = "Address the API listens on (default: http.host of the configuration).")
    private String httpHost;

    @Option(names = "--http-port", description = "Port of the API, 0 for any free one (default: http.port of the configuration).")
    private Integer httpPort;

    private final LedgerstreamConfig config;

    public RunCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    /** The configuration with the command's flags applied over it. */
    LedgerstreamConfig effectiveConfig() {
        LedgerstreamConfig effective = config;
        if (httpHost != null) {
            effective = effective.with(LedgerstreamConfig.Key.HTTP_HOST, httpHost);
        }
        if (httpPort != null) {
            effective = effective.with(LedgerstreamConfig.Key.HTTP_PORT, Integer.toString(httpPort));
        }
        return effective;
    }

    @Override
    public Integer call() {
        LedgerstreamConfig effective = effectiveConfig();
        TopicCatalog catalog = TopicCatalog.create(effective.topicPrefix(), effective.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(effective.schemaRegistryUrl())));
        ensureTopics(effective, catalog);
        LedgerstreamApp app = new LedgerstreamApp(effective, catalog);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ledgerstream-shutdown"));
        app.start();
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        out.println("Ledgerstream API: " + app.apiUrl() + "  (Ctrl-C to stop)");
        out.flush();
        KafkaStreams.State end = app.stopped().join();
        if (end == KafkaStreams.State.ERROR) {
            PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
            err.println("Kafka Streams stopped with an error; see the log");
            err.flush();
            return 1;
        }
        return 0;
    }

    /**
     * Creates the topics the topology reads and writes that do not exist yet (an existing one is left
     * as it is), so that a first start, or an upgrade that adds a topic such as categorizer.models,
     * does not stop on a missing source topic.
     */
    private static void ensureTopics(LedgerstreamConfig config, TopicCatalog catalog) {
        try (Admin admin = Admin.create(config.adminProperties())) {
            TopicProvisioner.ensureTopics(admin, catalog.all().stream().map(Topic::newTopic).toList(), TOPICS_TIMEOUT);
        }
    }
}
