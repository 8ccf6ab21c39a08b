package io.ledgerstream.stack;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link LocalStack}: ports first (so a running demo is noticed before anything is touched),
 * then the data directory, then the broker and the registry in parallel. If either fails, the other
 * is stopped, so a failed start leaves no process behind.
 */
final class LocalStackStarter {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackStarter.class);

    private LocalStackStarter() {
    }

    static LocalStack start(final Path dataDir, final int kafkaPort, final int registryPort, final boolean reset) {
        final long startingAt = System.nanoTime();
        final int[] ports = Ports.resolve(new int[] {kafkaPort, 0, registryPort},
                new String[] {"Kafka", "Kafka controller", "schema registry"});
        final Path root = DataDirectory.prepare(dataDir, reset);
        try (ExecutorService starter = Executors.newFixedThreadPool(2)) {
            final Future<KafkaBroker> broker = starter.submit(() -> KafkaBroker.start(root, ports[0], ports[1]));
            final Future<SchemaRegistry> registry = starter.submit(() -> SchemaRegistry.start(root, ports[2]));
            final LocalStack stack = both(root, starter, broker, registry);
            LOG.info("Local stack ready in {} ms: Kafka {}, schema registry {}, data in {}",
                    LocalStack.elapsedMillis(startingAt), stack.bootstrapServers(), stack.schemaRegistryUrl(), root);
            return stack;
        }
    }

    private static LocalStack both(final Path root, final ExecutorService starter,
            final Future<KafkaBroker> brokerStart, final Future<SchemaRegistry> registryStart) {
        final KafkaBroker broker;
        try {
            broker = await(brokerStart);
        } catch (RuntimeException e) {
            starter.shutdownNow(); // interrupts the registry's start, which then stops its process
            stopOnceStarted(registryStart, e);
            throw e;
        }
        try {
            return new LocalStack(root, broker, await(registryStart));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static void stopOnceStarted(final Future<? extends AutoCloseable> start, final RuntimeException failure) {
        try {
            await(start).close(); // it started after all
        } catch (Exception other) {
            failure.addSuppressed(other);
        }
    }

    private static <T> T await(final Future<T> start) {
        try {
            return start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause : new LocalStackException("the local stack did not start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while starting the local stack", e);
        }
    }
}
