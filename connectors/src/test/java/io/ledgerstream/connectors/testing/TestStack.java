package io.ledgerstream.connectors.testing;

import io.ledgerstream.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real Kafka broker and Apicurio registry for every integration test of this JVM (the Connect
 * connector's, the notifier's); each test isolates itself with its own topics and names.
 */
public final class TestStack {

    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.builder(Files.createTempDirectory("ledgerstream-connectors-it")).ephemeralPorts().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "connectors-test-stack-stop"));
        }
        return stack;
    }
}
