package io.ledgerstream.api.limit;

import io.ledgerstream.api.redis.SharedRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * At most {@code limit} requests per {@code window} for each token, across all instances: fixed
 * windows aligned to the epoch, so every instance agrees where one ends. A request is decided here,
 * without a round trip, against the instances' count as Redis last told it plus what this
 * instance counted since; every {@link #SYNC_INTERVAL} this instance adds its new counts to Redis
 * ({@code <prefix>:rate:<tokenId>:<window>}, INCRBY, pipelined) and reads the totals back. So the
 * limit holds across instances to within what they admit in one interval, and a request costs no
 * Redis round trip (one per request halved the API's throughput: docs/benchmarks.md). Without
 * Redis each instance counts on its own, which still limits.
 */
public final class RateLimiter implements AutoCloseable {

    static final Duration SYNC_INTERVAL = Duration.ofMillis(100);

    private final SharedRedis redis;
    private final String prefix;
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService syncs;
    private final Counter allowed;
    private final Counter refused;

    /** One token's count in one window. */
    private static final class Count {
        final long window;
        /** All instances' count as Redis last told it, this instance's synced ones included. */
        long shared;
        /** Counted here since the last sync. */
        long pending;
        /** Counted here and being added to Redis now. */
        long syncing;

        Count(long window) {
            this.window = window;
        }
    }

    /**
     * @param limit  requests per window and token; 0 for no limit
     * @param meters counts requests as {@code ledgerstream.api.rate.limit} by {@code result}: allowed or refused
     */
    public RateLimiter(SharedRedis redis, String prefix, int limit, Duration window, Clock clock, MeterRegistry meters) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or more: " + limit);
        }
        this.redis = redis;
        this.prefix = prefix + ":rate:";
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.allowed = requests(meters, "allowed");
        this.refused = requests(meters, "refused");
        this.syncs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rate-limit-sync").daemon()
                .factory());
        if (limit > 0) {
            syncs.scheduleWithFixedDelay(this::sync, SYNC_INTERVAL.toMillis(), SYNC_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static Counter requests(MeterRegistry meters, String result) {
        return Counter.builder("ledgerstream.api.rate.limit")
                .description("Requests with a token, by whether the token's rate limit let them through")
                .tag("result", result)
                .register(meters);
    }

    /**
     * Counts a request of {@code tokenId}.
     *
     * @return empty if it may go on; else how long until the token's window ends
     */
    public Optional<Duration> acquire(String tokenId) {
        if (limit == 0) {
            return Optional.empty();
        }
        long now = clock.millis();
        long window = now / windowMillis;
        Count count = counts.compute(tokenId, (id, known) -> known == null || known.window != window
                ? new Count(window) : known);
        boolean admitted;
        synchronized (count) {
            admitted = count.shared + count.syncing + count.pending < limit;
            if (admitted) {
                count.pending++;
            }
        }
        if (admitted) {
            allowed.increment();
            return Optional.empty();
        }
        refused.increment();
        return Optional.of(Duration.ofMillis(Math.max(1, (window + 1) * windowMillis - now)));
    }

    /**
     * Adds this instance's new counts to the shared ones in Redis and reads every current window's
     * total back; forgets windows that have ended. Runs every {@link #SYNC_INTERVAL}, one at a time.
     */
    synchronized void sync() {
        long current = clock.millis() / windowMillis;
        counts.values().removeIf(count -> count.window < current);
        record Sync(String key, Count count, long added) {
        }
        List<Sync> syncs = new ArrayList<>();
        counts.forEach((tokenId, count) -> {
            long added;
            synchronized (count) {
                added = count.pending;
                count.syncing = added;
                count.pending = 0;
            }
            syncs.add(new Sync(prefix + tokenId + ":" + count.window, count, added));
        });
        if (syncs.isEmpty()) {
            return;
        }
        Optional<List<Long>> totals = redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                List<Response<Long>> replies = new ArrayList<>();
                for (Sync sync : syncs) {
                    replies.add(pipeline.incrBy(sync.key(), sync.added()));
                    pipeline.pexpire(sync.key(), 2 * windowMillis);
                }
                pipeline.sync();
                return replies.stream().map(Response::get).toList();
            }
        });
        for (int i = 0; i < syncs.size(); i++) {
            Sync sync = syncs.get(i);
            synchronized (sync.count()) {
                if (totals.isPresent()) {
                    sync.count().shared = totals.get().get(i);
                } else {
                    sync.count().pending += sync.added(); // still only counted here
                }
                sync.count().syncing = 0;
            }
        }
    }

    @Override
    public void close() {
        syncs.shutdownNow();
    }
}
