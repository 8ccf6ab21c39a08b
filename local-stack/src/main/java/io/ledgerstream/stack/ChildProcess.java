package io.ledgerstream.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process whose output goes to a log file, that is waited on until ready, and that is
 * stopped gracefully on {@link #close()} or, failing that, when this JVM shuts down.
 */
final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** Tells whether the child is ready; an exception means "not yet". */
    @FunctionalInterface
    interface ReadinessProbe {
        boolean isReady() throws Exception;
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ChildJvm jvm;
    private final Process process;
    private final Path logFile;
    private volatile boolean ready;

    private ChildProcess(final String name, final ChildJvm jvm, final Process process, final Path logFile) {
        this.name = name;
        this.jvm = jvm;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts a process. Its standard input stays an open pipe (see {@link OrphanGuard}); its output
     * and errors are appended to {@code logFile}.
     */
    static ChildProcess start(final String name, final ChildJvm jvm, final Path workDir, final Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            final Process process = new ProcessBuilder(inOwnSession(jvm.command()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LOG.debug("started {} (pid {}): {}", name, process.pid(), jvm.command());
            return new ChildProcess(name, jvm, process, logFile);
        } catch (IOException e) {
            throw new LocalStackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the command in a session of its own where {@code setsid} exists, so that Ctrl-C in a
     * terminal reaches only our JVM, which then stops the app before the broker and the registry,
     * in that order. However our JVM ends, the child follows when its standard input closes
     * ({@link OrphanGuard}); there is deliberately no shutdown hook racing the caller's own.
     */
    private static List<String> inOwnSession(final List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        final List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }

    /**
     * Polls {@code probe} until it answers true.
     *
     * @throws LocalStackException with the tail of the log if the process dies or the time runs out
     */
    void awaitReady(final Duration timeout, final ReadinessProbe probe) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (isReady(probe)) {
                ready = true;
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
            }
            awaitExit(POLL_INTERVAL); // a pause that ends early if the process dies
        }
    }

    /** A failure naming this process and quoting the end of its log. */
    LocalStackException failure(final String message) {
        return new LocalStackException(
                message + " (log: " + logFile + ")\n--- last lines of the log ---\n" + LogTail.of(logFile));
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the process: a graceful signal first, a kill if it has not ended after 30 s. */
    @Override
    public void close() {
        stop();
    }

    private void stop() {
        // runs even in an interrupted thread (a start being abandoned): the process must not outlive it
        final boolean interrupted = Thread.interrupted();
        final boolean healthy = ready && process.isAlive();
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!awaitExitUninterruptibly(STOP_TIMEOUT)) {
                    LOG.warn("{} did not stop within {} s: killing it", name, STOP_TIMEOUT.toSeconds());
                    process.destroyForcibly();
                    awaitExitUninterruptibly(STOP_TIMEOUT);
                }
            }
            jvm.exited(healthy);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean awaitExitUninterruptibly(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean awaitExit(final Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for " + name, e);
        }
    }

    private static boolean isReady(final ReadinessProbe probe) {
        try {
            return probe.isReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for readiness", e);
        } catch (Exception notYet) {
            return false;
        }
    }
}
