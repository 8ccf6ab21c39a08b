package io.ledgerstream.connectors.feed;

import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A simulated bank feed: users {@code user-001}, {@code user-002}, … living realistic months
 * (salary, rent, utilities, groceries, cafés, transport, subscriptions, trips abroad in USD, GBP or
 * CHF, refunds, and now and then an anomaly, a pending charge posted with another amount, or a
 * withdrawn one).
 *
 * <p>Deterministic: the same seed, user count and clock give exactly the same records. Simulated
 * time starts on the first day of the month three months before the clock's today and advances a
 * day at a time through every user's events, so a demo shows several months within minutes.
 * Generation ({@link #iterator()}, {@link #generate(int)}) is pure; {@link #run} publishes.
 */
public final class MockBankFeed implements Iterable<RawTransaction> {

    /** The {@code source} of every record. */
    public static final String SOURCE = "mock-feed";

    /** How often an idle feed (caught up with today) looks at the clock again. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    private final long seed;
    private final int users;
    private final LocalDate start;
    private volatile boolean stopRequested;

    /**
     * @param seed  decides every user's profile and every day's events
     * @param users how many users to simulate, at least 1
     * @param clock today, from which the start date is derived
     */
    private final Clock clock;

    public MockBankFeed(long seed, int users, Clock clock) {
        if (users < 1) {
            throw new IllegalArgumentException("at least one user is needed, got " + users);
        }
        this.seed = seed;
        this.users = users;
        this.clock = clock;
        this.start = LocalDate.now(clock).withDayOfMonth(1).minusMonths(3);
    }

    /** The first simulated booking date. */
    public LocalDate startDate() {
        return start;
    }

    /** An endless sequence of records, starting afresh at {@link #startDate()} on every call. */
    @Override
    public Iterator<RawTransaction> iterator() {
        return new Days();
    }

    /** {@link #iterator()} as an endless stream; limit it. */
    public Stream<RawTransaction> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The first {@code count} records. */
    public List<RawTransaction> generate(int count) {
        return stream().limit(count).toList();
    }

    /**
     * Publishes records to {@code publisher} (keyed by userId) at {@code ratePerSecond}, until
     * {@code maxRecords} are sent (0 for no limit), {@code maxDuration} has passed ({@code null} for
     * no limit), {@link #stop()} is called or the thread is interrupted; then flushes.
     *
     * @throws io.ledgerstream.connectors.kafka.PublishException if records could not be published
     */
    public FeedStats run(RecordPublisher<String, RawTransaction> publisher, int ratePerSecond, long maxRecords,
                         Duration maxDuration) {
        long begin = System.nanoTime();
        long deadline = maxDuration == null ? Long.MAX_VALUE : begin + maxDuration.toNanos();
        Pacer pacer = new Pacer(ratePerSecond);
        Iterator<RawTransaction> records = iterator();
        long sent = 0;
        try {
            while (!stopRequested && (maxRecords <= 0 || sent < maxRecords) && System.nanoTime() - deadline < 0) {
                pacer.awaitSlot(sent);
                RawTransaction record = records.next();
                if (!awaitBookingDay(LocalDate.parse(record.getBookedAt()), publisher, deadline)) {
                    break;
                }
                publisher.publish(record.getUserId(), record);
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long acknowledged = publisher.flush();
        return new FeedStats(sent, acknowledged, Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * A bank books nothing in the future: once the feed has caught up with today it waits, with what
     * it sent flushed, until the clock reaches the next record's day. False if stopped or out of time
     * meanwhile.
     */
    private boolean awaitBookingDay(LocalDate bookedAt, RecordPublisher<String, RawTransaction> publisher,
                                    long deadline) throws InterruptedException {
        if (!bookedAt.isAfter(LocalDate.now(clock))) {
            return true;
        }
        publisher.flush();
        while (bookedAt.isAfter(LocalDate.now(clock))) {
            if (stopRequested || System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(IDLE_CHECK.toMillis());
        }
        return true;
    }

    /** Asks a running {@link #run} to finish after its current record; for shutdown hooks and the demo. */
    public void stop() {
        stopRequested = true;
    }

    /** Walks the simulated days, queueing each day's records of every user in user order. */
    private final class Days implements Iterator<RawTransaction> {
        private final List<SimulatedUser> simulated = new ArrayList<>();
        private final Deque<RawTransaction> pending = new ArrayDeque<>();
        private LocalDate day = start;

        Days() {
            SplittableRandom root = new SplittableRandom(seed);
            for (int number = 1; number <= users; number++) {
                simulated.add(new SimulatedUser(number, root.split()));
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public RawTransaction next() {
            while (pending.isEmpty()) {
                for (SimulatedUser user : simulated) {
                    pending.addAll(user.day(day));
                }
                day = day.plusDays(1);
            }
            return pending.removeFirst();
        }
    }
}
