package io.ledgerstream.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Main class of the broker child JVM: formats the log directory if it has never been formatted,
 * then runs {@code kafka.Kafka}. Formatting in the same JVM spares a second JVM start (about 2 s of
 * CPU) on every fresh data directory.
 */
final class KafkaServerMain {

    private KafkaServerMain() {
    }

    /**
     * @param args the {@code server.properties} file, the log directory, and the cluster id to
     *     format it with if it is new
     */
    public static void main(final String[] args) {
        final String configFile = args[0];
        final Path logDir = Path.of(args[1]);
        final String clusterId = args[2];
        // meta.properties is what formatting writes: its absence means a new directory
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            final int exitCode = StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", configFile}, System.out);
            if (exitCode != 0) {
                System.err.println("formatting " + logDir + " failed with exit code " + exitCode);
                System.exit(exitCode);
            }
        }
        Kafka.main(new String[] {configFile});
    }
}
