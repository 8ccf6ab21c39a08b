package io.ledgerstream.connectors.connect;

import io.ledgerstream.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real Kafka broker and Apicurio registry for every Connect test of this JVM; each test
 * isolates itself with its own topic, connector name and offset file.
 */
final class ConnectTestStack {

    private static LocalStack stack;

    private ConnectTestStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.builder(Files.createTempDirectory("ledgerstream-connect-it")).ephemeralPorts().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "connect-test-stack-stop"));
        }
        return stack;
    }
}
