package io.ledgerstream.connectors.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A real HTTP server that records every webhook call and answers with the status given. */
final class WebhookReceiver implements AutoCloseable {

    /** One call as received. */
    record Call(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger answered = new AtomicInteger();
    private final HttpServer server;
    private volatile IntSupplier status = () -> 200;
    private volatile long delayMillis;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int code = status.getAsInt();
            if (code / 100 == 2) {
                calls.add(new Call(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            }
            answered.incrementAndGet();
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every call with {@code code} from now on. */
    void answer(int code) {
        status = () -> code;
    }

    /** Answers calls with these codes in turn, then 200. */
    void answerInTurn(int... codes) {
        AtomicInteger next = new AtomicInteger();
        status = () -> {
            int i = next.getAndIncrement();
            return i < codes.length ? codes[i] : 200;
        };
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
