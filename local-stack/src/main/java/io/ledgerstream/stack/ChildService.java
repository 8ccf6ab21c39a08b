package io.ledgerstream.stack;

import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker and the registry have in common: a child process listening on one port of
 * 127.0.0.1, with one log file, ready once {@link #awaitReady()} returns.
 */
abstract class ChildService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildService.class);

    private final ChildProcess process;
    private final int port;
    private final Path logFile;

    ChildService(final ChildProcess process, final int port, final Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Waits until {@code service} is ready, stopping its process if it never gets there.
     *
     * @param startedAt {@link System#nanoTime()} when starting began, for the log line
     */
    static <S extends ChildService> S awaitStarted(final S service, final long startedAt) {
        try {
            service.awaitReady();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        LOG.info("{} ready on {} in {} ms (pid {}, log {})", service.process().name(), service.address(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), service.process().pid(), service.logFile());
        return service;
    }

    /** Blocks until the service answers; throws {@link LocalStackException} if it dies or is too slow. */
    abstract void awaitReady();

    /** Where clients reach it, for the log. */
    abstract String address();

    final ChildProcess process() {
        return process;
    }

    /** The port on 127.0.0.1. */
    public final int port() {
        return port;
    }

    /** The log file of the process. */
    public final Path logFile() {
        return logFile;
    }

    /** Stops the process gracefully (a forced kill if it has not stopped after 30 s). */
    @Override
    public final void close() {
        process.close();
    }
}
