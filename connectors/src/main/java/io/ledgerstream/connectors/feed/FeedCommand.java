package io.ledgerstream.connectors.feed;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.connectors.kafka.Publishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feed --users N --rate R [--seed S] [--count C] [--duration D]}: runs the {@link MockBankFeed}
 * against {@code transactions.raw} until the count or duration is reached, or until Ctrl-C, after
 * which it flushes what is in flight and prints how many records were acknowledged.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Publish simulated bank transactions of N users to transactions.raw at a steady rate.")
public final class FeedCommand implements Callable<Integer> {

    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    @Option(names = "--users", defaultValue = "10", paramLabel = "N", description = "Simulated users. Default: ${DEFAULT-VALUE}.")
    private int users;

    @Option(names = "--rate", defaultValue = "50", paramLabel = "R", description = "Records per second. Default: ${DEFAULT-VALUE}.")
    private int rate;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Same seed and users, same records. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--count", defaultValue = "0", paramLabel = "C", description = "Stop after C records (0: no limit).")
    private long count;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after this long: 90s, 10m, 2h or ISO-8601 (PT90S).")
    private Duration duration;

    @Spec
    private CommandSpec spec;

    private final Publishers publishers;
    private final Clock clock;

    /** Publishes to the Kafka cluster and registry of {@code config}, with simulated time from today. */
    public FeedCommand(LedgerstreamConfig config) {
        this(new KafkaPublishers(config), Clock.systemDefaultZone());
    }

    public FeedCommand(Publishers publishers, Clock clock) {
        this.publishers = publishers;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (users < 1 || rate < 1 || count < 0) {
            err.println("--users and --rate must be at least 1, --count at least 0");
            return 2;
        }
        MockBankFeed feed = new MockBankFeed(seed, users, clock);
        out.printf(Locale.ROOT, "feed: %d users from %s, seed %d, %d records/s to %s%n", users, feed.startDate(), seed, rate,
                publishers.describe());
        out.flush();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            feed.stop();
            awaitQuietly(finished);
        }, "feed-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RecordPublisher<String, RawTransaction> publisher = publishers.rawTransactions()) {
            FeedStats stats = feed.run(publisher, rate, count, duration);
            out.printf(Locale.ROOT, "feed: sent %d records, %d acknowledged, in %d s%n", stats.sent(), stats.acknowledged(),
                    stats.elapsed().toSeconds());
            return stats.acknowledged() == stats.sent() ? 0 : 1;
        } catch (PublishException e) {
            err.println("publishing to " + publishers.describe() + " failed: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            removeQuietly(hook);
            out.flush();
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and waits for us
        }
    }
}
