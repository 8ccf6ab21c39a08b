package io.ledgerstream.stack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class given as first argument, and exits the
 * child (running its shutdown hooks, so Kafka stops cleanly) as soon as its standard input closes.
 *
 * <p>The parent keeps the child's standard input open as a pipe and never writes to it. The pipe
 * closes when the parent dies, whichever way it dies, even by {@code kill -9} where the parent's own
 * shutdown hooks never run: so a killed demo does not leave an orphan broker holding port 9092.
 */
final class OrphanGuard {

    private OrphanGuard() {
    }

    /**
     * @param args the main class to run, then its arguments
     * @throws Throwable whatever the real main throws
     */
    public static void main(final String[] args) throws Throwable {
        final Thread watcher = new Thread(OrphanGuard::exitWhenParentIsGone, "orphan-guard");
        watcher.setDaemon(true);
        watcher.start();

        final Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; drain anyway
            }
        } catch (IOException ignored) {
            // a broken pipe means the same: the parent is gone
        }
        System.err.println("orphan-guard: standard input closed (the parent is stopping us, or is gone): exiting");
        System.exit(0);
    }
}
