package io.ledgerstream.launcher;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How late the threads of this JVM get to run, measured as jHiccup measures it: a thread sleeps 1 ms
 * over and over and records by how much each sleep overran, a stall of many milliseconds counted as
 * the sleeps it swallowed. No request the process answers waits less than what every one of its
 * threads waits: the collector's pauses, and the machine's cores taken by other processes. So a
 * latency figure next to this one says how much of it the server's own work is. (jHiccup itself is a
 * Java agent that writes a log per interval of time; the bench wants one figure per measured phase,
 * which HdrHistogram's {@link Recorder}, the histogram jHiccup records into, gives directly.)
 */
final class Hiccups implements AutoCloseable {

    private static final Duration SLEEP = Duration.ofMillis(1);
    private static final long SLEEP_NANOS = SLEEP.toNanos();

    private final Recorder recorder = new Recorder(2);
    private final Thread meter;
    private volatile boolean running = true;

    private Hiccups() {
        meter = Thread.ofPlatform().daemon().name("hiccup-meter").start(this::measure);
    }

    /** Starts measuring, until closed. */
    static Hiccups start() {
        return new Hiccups();
    }

    private void measure() {
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(SLEEP);
            } catch (InterruptedException e) {
                return;
            }
            long late = Math.max(0, System.nanoTime() - before - SLEEP_NANOS);
            recorder.recordValueWithExpectedInterval(late, SLEEP_NANOS);
        }
    }

    /** Forgets what was measured so far: the next {@link #sinceRestart} covers only what follows. */
    void restart() {
        recorder.getIntervalHistogram();
    }

    /** The stalls measured since the last {@link #restart}, in nanoseconds. */
    Histogram sinceRestart() {
        return recorder.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        meter.interrupt();
        meter.join();
    }
}
