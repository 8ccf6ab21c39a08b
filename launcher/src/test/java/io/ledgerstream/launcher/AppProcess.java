package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ledgerstream run} in a child JVM on this test's classpath, configured through its
 * environment as a deployment would be, so a test can kill it with SIGKILL.
 */
final class AppProcess {

    private final Process process;

    private AppProcess(Process process) {
        this.process = process;
    }

    /**
     * @param sessionTimeoutMs how long the group waits for the instance once it stops heartbeating
     */
    static AppProcess start(LedgerstreamConfig config, Path log, String sessionTimeoutMs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (Key key : new Key[] {Key.BOOTSTRAP_SERVERS, Key.SCHEMA_REGISTRY_URL, Key.TOPIC_PREFIX, Key.APPLICATION_ID,
                Key.STATE_DIR, Key.HTTP_PORT, Key.APPLICATION_SERVER, Key.JWT_SECRET, Key.REDIS_URL}) {
            env.put(key.env(), config.get(key));
        }
        env.put("LEDGERSTREAM_KAFKA_SESSION_TIMEOUT_MS", sessionTimeoutMs);
        try {
            return new AppProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, the consumer group is not told. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
