package io.ledgerstream.connectors.feed;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces records evenly at a fixed rate: record {@code i} is due {@code i / rate} seconds after the
 * start. A slow publisher is caught up on (records go out back to back), not compensated for by
 * skipping.
 */
final class Pacer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long start;
    private final int ratePerSecond;

    Pacer(int ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be at least 1 record per second, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.start = System.nanoTime();
    }

    /** Waits until record {@code index} (0-based) is due. */
    void awaitSlot(long index) throws InterruptedException {
        long due = start + index / ratePerSecond * NANOS_PER_SECOND + index % ratePerSecond * NANOS_PER_SECOND / ratePerSecond;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("paced wait interrupted");
            }
        }
    }
}
