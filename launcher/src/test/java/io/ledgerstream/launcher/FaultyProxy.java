package io.ledgerstream.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of a service (the schema registry, Redis) that a test can cut: while cut, its
 * open connections are closed and new ones are accepted and closed at once, which is how a service
 * that went away looks to its clients; {@link #restore()} lets connections through again. Toxiproxy
 * does this and more, but needs its own server binary or a Docker engine, neither of which this
 * machine has, and a pair of copying threads per connection is all these tests need.
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean cut;

    private FaultyProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** A proxy on a free port of 127.0.0.1 to {@code host:port}, letting connections through. */
    static FaultyProxy to(String host, int port) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FaultyProxy proxy = new FaultyProxy(server, new InetSocketAddress(host, port));
            proxy.threads.submit(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A proxy to the service at {@code url} (its host and port). */
    static FaultyProxy to(URI url) {
        return to(url.getHost(), url.getPort());
    }

    /** {@code url} with this proxy's address instead of the service's: what clients are to use. */
    String address(URI url) {
        return url.getScheme() + "://127.0.0.1:" + server.getLocalPort() + url.getRawPath();
    }

    /** The service goes away: every open connection is closed, and every new one at once. */
    void cut() {
        cut = true;
        open.forEach(FaultyProxy::closeQuietly);
        open.clear();
    }

    /** The service is back. */
    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            threads.submit(() -> copy(client, upstream));
            threads.submit(() -> copy(upstream, client));
        }
    }

    /** Copies {@code from} to {@code to} until either ends, then closes both. */
    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away, or the proxy was cut
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
