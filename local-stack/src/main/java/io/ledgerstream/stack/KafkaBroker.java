package io.ledgerstream.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (combined broker and controller) running {@code kafka.Kafka} in a
 * child JVM on the jars of this JVM's classpath, listening on 127.0.0.1 only.
 *
 * <p>Its data lives in {@code <dataDir>/kafka} and survives a restart: the log directory is formatted
 * ({@code kafka.tools.StorageTool format}) only while it has no {@code meta.properties}. Its log goes
 * to {@code <dataDir>/logs/kafka.log}.
 */
public final class KafkaBroker extends ChildService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx512m",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-Djava.awt.headless=true",
            "-Dlogback.configurationFile=" + LauncherJar.BROKER_LOGGING);

    private final Path dataDir;
    private final int controllerPort;

    private KafkaBroker(final ChildProcess process, final Path dataDir, final int port, final int controllerPort,
            final Path logFile) {
        super(process, port, logFile);
        this.dataDir = dataDir;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker and waits until it is ready (it lists itself in {@code describeCluster}).
     *
     * @param dataDir the directory holding its data, configuration and log
     * @param port the client port on 127.0.0.1; 0 picks a free one
     * @return the running broker
     * @throws LocalStackException if the port is taken, or the broker dies or is not ready in time
     */
    public static KafkaBroker start(final Path dataDir, final int port) {
        final int[] ports = Ports.resolve(new int[] {port, 0}, new String[] {"Kafka", "Kafka controller"});
        return start(dataDir, ports[0], ports[1]);
    }

    static KafkaBroker start(final Path dataDir, final int port, final int controllerPort) {
        final long startedAt = System.nanoTime();
        final Path logDir = dataDir.resolve("kafka");
        final Path configFile = dataDir.resolve("config").resolve("server.properties");
        final Path logFile = dataDir.resolve("logs").resolve("kafka.log");
        KafkaServerConfig.write(KafkaServerConfig.of(logDir, port, controllerPort), configFile);

        final ChildProcess process = ChildProcess.start("Kafka broker",
                ChildJvm.of("kafka", JVM_OPTIONS, ChildJvm.ownJars(), KafkaServerMain.class.getName(),
                        List.of(configFile.toString(), logDir.toString(), Uuid.randomUuid().toString())),
                dataDir, logFile);
        return awaitStarted(new KafkaBroker(process, dataDir, port, controllerPort, logFile), startedAt);
    }

    /**
     * Stops this broker gracefully and starts it again on the same ports and data, as an operator
     * restarting it would; clients reconnect to the same address.
     *
     * @return the running broker
     */
    KafkaBroker restart() {
        close();
        return start(dataDir, port(), controllerPort);
    }

    /** The {@code bootstrap.servers} value for clients: {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port();
    }

    @Override
    String address() {
        return bootstrapServers();
    }

    @Override
    void awaitReady() {
        final Properties config = new Properties();
        config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
        config.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(PROBE_TIMEOUT.toMillis()));
        config.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(PROBE_TIMEOUT.toMillis()));
        config.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        // The admin client only once the port accepts connections: it would log a warning for every
        // refused connection while the broker is still starting.
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        process().awaitReady(START_TIMEOUT, this::acceptsConnections);
        try (Admin admin = Admin.create(config)) {
            process().awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !admin
                    .describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes().get().isEmpty());
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port()), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
