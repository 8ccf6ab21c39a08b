package io.ledgerstream.launcher;

import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end tests' services on containers, for {@link TestStack} when a Docker engine is
 * there: the images of docker/compose.yaml's broker and Redis, and the Apicurio registry the local
 * stack runs, with the broker set up as the local stack sets up its own. Stopped by Testcontainers'
 * reaper when the JVM ends.
 */
final class TestContainers {

    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    static final String REGISTRY_IMAGE = "apicurio/apicurio-registry:3.0.9";
    static final String REDIS_IMAGE = "redis:7.4-alpine";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private TestContainers() {
    }

    /** Whether Testcontainers finds a Docker engine (it says why not in its log). */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // they live as long as the JVM: the tests share them
    static TestStack.Services start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetworkAliases("kafka")
                // as the local stack's broker (KafkaServerConfig): few internal partitions, no
                // rebalance delay, topics only as the app creates them
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "4")
                .withStartupTimeout(START_TIMEOUT);
        GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/health/ready").forPort(8080).withStartupTimeout(START_TIMEOUT));
        GenericContainer<?> redis = new GenericContainer<>(REDIS_IMAGE)
                .withExposedPorts(6379)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(START_TIMEOUT));
        kafka.start();
        registry.start();
        redis.start();
        return new TestStack.Services("containers (" + KAFKA_IMAGE + ", " + REGISTRY_IMAGE + ", " + REDIS_IMAGE
                + ") on the Docker engine Testcontainers found",
                kafka.getBootstrapServers(),
                "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/ccompat/v7",
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
    }
}
