package io.ledgerstream.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apicurio Registry 3.0.9 in a child JVM, serving the Confluent-compatible API on 127.0.0.1,
 * with its schemas in an H2 file database under {@code <dataDir>/registry} that survives restarts.
 * Its log goes to {@code <dataDir>/logs/registry.log}.
 */
public final class SchemaRegistry extends ChildService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private SchemaRegistry(final ChildProcess process, final int port, final Path logFile) {
        super(process, port, logFile);
    }

    /**
     * Starts a registry and waits until {@code /health/ready} answers 200. The first start in a
     * user account unpacks the distribution into {@code ~/.cache/ledgerstream/}.
     *
     * @param dataDir the directory holding its database and log
     * @param port the HTTP port on 127.0.0.1; 0 picks a free one
     * @return the running registry
     * @throws LocalStackException if the port is taken, the distribution is missing, or the registry
     *     dies or is not ready in time
     */
    public static SchemaRegistry start(final Path dataDir, final int port) {
        final int httpPort = Ports.resolve(port, "schema registry");
        final long startedAt = System.nanoTime();
        final ApicurioDistribution distribution = ApicurioDistribution.unpacked();
        final Path databaseDir = dataDir.toAbsolutePath().resolve("registry");
        final Path logFile = dataDir.resolve("logs").resolve("registry.log");

        final ChildProcess process = ChildProcess.start("schema registry",
                ChildJvm.of("apicurio", jvmOptions(httpPort, databaseDir), List.of(distribution.runnerJar()),
                        distribution.mainClass(), List.of()),
                databaseDir, logFile);
        return awaitStarted(new SchemaRegistry(process, httpPort, logFile), startedAt);
    }

    /** The base URL of the Confluent-compatible API: {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String url() {
        return baseUrl() + CONFLUENT_API_PATH;
    }

    @Override
    String address() {
        return url();
    }

    private static List<String> jvmOptions(final int httpPort, final Path databaseDir) {
        final String database = databaseDir.resolve("registry").toString();
        if (database.contains(";")) {
            throw new LocalStackException("the data directory must not contain ';' (an H2 URL separator): " + database);
        }
        return List.of(
                "-Xmx384m",
                // C1 only: faster to start, less CPU and memory; the registry's load is tiny
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + Ports.LOOPBACK,
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.console.format=%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%c{3.}] (%t) %s%e%n",
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2",
                // WRITE_DELAY=0: without it a killed registry loses the schemas of its last second
                "-Dapicurio.datasource.url=jdbc:h2:file:" + database + ";WRITE_DELAY=0",
                // Confluent semantics: registering the same schema again, however formatted, answers
                // the existing id instead of adding a version
                "-Dapicurio.ccompat.use-canonical-hash=true",
                // Confluent's default compatibility (Apicurio has none out of the box). It is enforced,
                // but GET /config still answers NONE until someone PUTs a global level.
                "-Dapicurio.rules.global.compatibility=BACKWARD");
    }

    private String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port();
    }

    @Override
    void awaitReady() {
        final HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(PROBE_TIMEOUT).GET().build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build()) {
            process().awaitReady(START_TIMEOUT,
                    () -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }
}
