package io.ledgerstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Chooses TCP ports on 127.0.0.1: checks that a fixed one is free, or picks free ones. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Resolves the requested ports in one go: each 0 becomes a distinct free port, and each fixed
     * port must be free.
     *
     * @param requested the ports asked for, 0 meaning any
     * @param names what each port is for, used in the error message
     * @return the concrete ports, in the same order
     * @throws LocalStackException if a fixed port is already taken
     */
    static int[] resolve(final int[] requested, final String[] names) {
        final List<ServerSocket> held = new ArrayList<>();
        try {
            final int[] resolved = new int[requested.length];
            for (int i = 0; i < requested.length; i++) {
                // holding every socket until all are chosen keeps the picked ports distinct
                final ServerSocket socket = bind(requested[i], names[i]);
                held.add(socket);
                resolved[i] = socket.getLocalPort();
            }
            return resolved;
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    /**
     * Resolves one port.
     *
     * @see #resolve(int[], String[])
     */
    static int resolve(final int requested, final String name) {
        return resolve(new int[] {requested}, new String[] {name})[0];
    }

    private static ServerSocket bind(final int port, final String name) {
        try {
            final ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                throw new LocalStackException(
                        "port " + port + " (" + name + ") is in use: is another demo running? "
                                + "Stop it or choose another port.",
                        e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(final ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the port is released either way
        }
    }
}
