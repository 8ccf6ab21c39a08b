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
 * One real Kafka broker and Apicurio registry for every integration test of this JVM; each test
 * isolates itself with its own topic prefix and application id.
 */
final class TestStack {

    /** The token key of the test apps: a test value, not a secret of any deployment. */
    static final String JWT_SECRET = "end-to-end-tests-token-key-32-bytes-long";

    private static LocalStack stack;

    private TestStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.builder(Files.createTempDirectory("ledgerstream-it")).ephemeralPorts().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-stop"));
        }
        return stack;
    }

    /** Configuration for one test's app: its own topics, application id and state, any free HTTP port. */
    static LedgerstreamConfig config(String name, Path stateDir) {
        LocalStack local = get();
        return LedgerstreamConfig.load(Map.of())
                .with(Key.BOOTSTRAP_SERVERS, local.bootstrapServers())
                .with(Key.SCHEMA_REGISTRY_URL, local.schemaRegistryUrl())
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
