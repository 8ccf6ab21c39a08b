package io.ledgerstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The {@code server.properties} of a single-node KRaft Kafka: one combined broker and controller. */
final class KafkaServerConfig {

    static final int NODE_ID = 1;

    private KafkaServerConfig() {
    }

    /**
     * @param logDir where the broker keeps its data (and the metadata log)
     * @param port the client listener port on 127.0.0.1
     * @param controllerPort the KRaft controller listener port on 127.0.0.1
     * @return the broker configuration
     */
    static Properties of(final Path logDir, final int port, final int controllerPort) {
        final Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", String.valueOf(NODE_ID));
        // A static quorum of one: the controller address may change between runs (port 0 picks a
        // new one each time), which a static voter list allows and a formatted dynamic quorum does not.
        config.setProperty("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        config.setProperty("listeners",
                "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        // One node: every internal topic must make do with one replica, or exactly-once and
        // consumer groups hang waiting for replicas that will never exist.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("min.insync.replicas", "1");
        config.setProperty("default.replication.factor", "1");

        // 5 instead of 50 partitions for the offsets and transaction topics: on one broker more buy
        // nothing, and creating 50 delays the first consumer group and transaction of a fresh stack
        config.setProperty("offsets.topic.num.partitions", "5");
        config.setProperty("transaction.state.log.num.partitions", "5");

        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("num.partitions", "4");
        return config;
    }

    /** Writes {@code config} to {@code file}, replacing what was there. */
    static void write(final Properties config, final Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                config.store(out, "written by the Ledgerstream local stack on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
