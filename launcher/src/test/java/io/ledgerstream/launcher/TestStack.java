package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka broker, schema registry and Redis every end-to-end test of this JVM shares, in one of two
 * environments chosen once, and said in the test output: on containers (Testcontainers:
 * {@code apache/kafka}, Apicurio's registry, Redis) when a Docker engine is available, otherwise on
 * the local stack (the broker and registry from Maven Central jars, in child JVMs) and the machine's
 * Redis. Each test isolates itself with its own topic prefix and application id.
 * {@code LEDGERSTREAM_TEST_ENVIRONMENT=local} or {@code containers} chooses instead.
 */
final class TestStack {

    /** The token key of the test apps: a test value, not a secret of any deployment. */
    static final String JWT_SECRET = "end-to-end-tests-token-key-32-bytes-long";

    /** Where the shared services are. */
    record Services(String environment, String bootstrapServers, String schemaRegistryUrl, String redisUrl) {
    }

    private static Services services;

    private TestStack() {
    }

    static synchronized Services get() {
        if (services == null) {
            String chosen = System.getenv().getOrDefault("LEDGERSTREAM_TEST_ENVIRONMENT", "");
            boolean containers = switch (chosen) {
                case "containers" -> true;
                case "local" -> false;
                case "" -> TestContainers.dockerAvailable();
                default -> throw new IllegalStateException(
                        "LEDGERSTREAM_TEST_ENVIRONMENT must be local or containers, got '" + chosen + "'");
            };
            services = containers ? TestContainers.start() : local();
            System.out.println("end-to-end environment: " + services.environment()
                    + (chosen.isEmpty() ? "" : " (LEDGERSTREAM_TEST_ENVIRONMENT)"));
        }
        return services;
    }

    private static Services local() {
        LocalStack stack;
        try {
            stack = LocalStack.builder(Files.createTempDirectory("ledgerstream-it")).ephemeralPorts().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-stop"));
        String redis = LedgerstreamConfig.load(Map.of()).redisUrl();
        return new Services("local stack (Kafka and Apicurio from Maven Central jars; Redis at " + redis
                + "): no Docker engine", stack.bootstrapServers(), stack.schemaRegistryUrl(), redis);
    }

    /** Configuration for one test's app: its own topics, application id and state, any free HTTP port. */
    static LedgerstreamConfig config(String name, Path stateDir) {
        Services shared = get();
        return LedgerstreamConfig.load(Map.of())
                .with(Key.BOOTSTRAP_SERVERS, shared.bootstrapServers())
                .with(Key.SCHEMA_REGISTRY_URL, shared.schemaRegistryUrl())
                .with(Key.REDIS_URL, shared.redisUrl())
                .with(Key.TOPIC_PREFIX, name + ".")
                .with(Key.APPLICATION_ID, name)
                .with(Key.STATE_DIR, stateDir.toString())
                .with(Key.HTTP_PORT, "0")
                .with(Key.JWT_SECRET, JWT_SECRET);
    }

    /**
     * {@code base} as one of several instances of an app: its own state under {@code dir}, a free
     * HTTP port, and that port as its {@code application.server}, so the others forward to it.
     */
    static LedgerstreamConfig instance(LedgerstreamConfig base, Path dir, String name) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return base.with(Key.STATE_DIR, dir.resolve("state-" + name).toString())
                .with(Key.HTTP_PORT, Integer.toString(port))
                .with(Key.APPLICATION_SERVER, "127.0.0.1:" + port);
    }
}
