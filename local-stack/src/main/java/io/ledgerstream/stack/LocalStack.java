package io.ledgerstream.stack;

import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry on this machine, started together, with their data in one
 * directory: what {@code ./ledgerstream demo} runs and what integration tests run against.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder(dataDir).ephemeralPorts().start()) {
 *     String bootstrap = stack.bootstrapServers();
 *     String registry = stack.schemaRegistryUrl();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** The Kafka port of the demo, which every other command defaults to. */
    public static final int DEFAULT_KAFKA_PORT = 9092;
    /** The schema registry port of the demo, which every other command defaults to. */
    public static final int DEFAULT_REGISTRY_PORT = 8081;

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final Path dataDir;
    private KafkaBroker broker;
    private final SchemaRegistry registry;

    LocalStack(final Path dataDir, final KafkaBroker broker, final SchemaRegistry registry) {
        this.dataDir = dataDir;
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * @param dataDir where the stack keeps its data, configuration and logs
     * @return a builder with the demo's fixed ports and no reset
     */
    public static Builder builder(final Path dataDir) {
        return new Builder(dataDir);
    }

    /** The {@code bootstrap.servers} value for Kafka clients, {@code 127.0.0.1:<port>}. */
    public synchronized String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The base URL of the registry's Confluent-compatible API. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** The directory holding the stack's data; its {@code logs/} has one log file per component. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Restarts the broker: stops it gracefully and starts it again on the same ports and data (its
     * log, topics, offsets and transactions kept). For fault tests; the registry keeps running.
     */
    public synchronized void restartBroker() {
        broker = broker.restart();
    }

    /** Stops the registry and the broker, gracefully. */
    @Override
    public synchronized void close() {
        final long stoppingAt = System.nanoTime();
        try {
            registry.close();
        } finally {
            broker.close();
        }
        LOG.info("Local stack stopped in {} ms", elapsedMillis(stoppingAt));
    }

    static long elapsedMillis(final long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Chooses a local stack's ports and data directory, and starts it. */
    public static final class Builder {

        private final Path dataDir;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int registryPort = DEFAULT_REGISTRY_PORT;
        private boolean reset;

        private Builder(final Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /**
         * Sets the Kafka port on 127.0.0.1 (default 9092).
         *
         * @param port the port; 0 picks a free one
         * @return this builder
         */
        public Builder kafkaPort(final int port) {
            this.kafkaPort = port;
            return this;
        }

        /**
         * Sets the schema registry port on 127.0.0.1 (default 8081).
         *
         * @param port the port; 0 picks a free one
         * @return this builder
         */
        public Builder registryPort(final int port) {
            this.registryPort = port;
            return this;
        }

        /**
         * Picks free ports for both, as tests want, so several stacks can run side by side.
         *
         * @return this builder
         */
        public Builder ephemeralPorts() {
            return kafkaPort(0).registryPort(0);
        }

        /**
         * Asks for an empty start: the data directory is wiped first. Only a directory the stack
         * created (or an empty one) is ever wiped.
         *
         * @param reset whether to wipe the data directory first (default false)
         * @return this builder
         */
        public Builder reset(final boolean reset) {
            this.reset = reset;
            return this;
        }

        /**
         * Starts the broker and the registry in parallel and waits until both are ready.
         *
         * @return the running stack
         * @throws LocalStackException if a port is taken or a component fails to start; whatever
         *     did start is stopped again
         */
        public LocalStack start() {
            return LocalStackStarter.start(dataDir, kafkaPort, registryPort, reset);
        }
    }
}
