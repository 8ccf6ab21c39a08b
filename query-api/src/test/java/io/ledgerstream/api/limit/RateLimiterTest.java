package io.ledgerstream.api.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.testing.RedisProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rate limits on a real Redis: the shared one, or one of the test's own that it stops. */
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String prefix = "limit-test-" + UUID.randomUUID();
    private final SharedRedis redis = SharedRedis.connect(RedisProcess.SHARED, Duration.ofSeconds(1));
    private final SharedRedis otherInstancesRedis = SharedRedis.connect(RedisProcess.SHARED, Duration.ofSeconds(1));

    private final List<RateLimiter> limiters = new ArrayList<>();

    @AfterEach
    void close() {
        limiters.forEach(RateLimiter::close);
        redis.close();
        otherInstancesRedis.close();
    }

    @Test
    @DisplayName("the request after the limit is refused until the window ends; other tokens are not")
    void shouldRefuseOverTheLimitPerToken() {
        RateLimiter limiter = limiter(redis, 3, MINUTE);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("token-a")).as("request %d", i + 1).isEmpty();
        }

        Optional<Duration> refused = limiter.acquire("token-a");

        assertThat(refused).isPresent();
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(MINUTE);
        assertThat(limiter.acquire("token-b")).isEmpty();
    }

    @Test
    @DisplayName("instances count one token together")
    void shouldShareTheCountAcrossInstances() {
        RateLimiter first = limiter(redis, 3, MINUTE);
        RateLimiter second = limiter(otherInstancesRedis, 3, MINUTE);

        assertThat(first.acquire("token")).isEmpty();
        assertThat(first.acquire("token")).isEmpty();
        assertThat(second.acquire("token")).isEmpty();
        first.sync();
        second.sync();
        first.sync();

        assertThat(second.acquire("token")).isPresent();
        assertThat(first.acquire("token")).isPresent();
    }

    @Test
    @DisplayName("counts made while Redis was away reach it once it is back")
    void shouldAddTheCountsOfAnOutageOnceRedisIsBack() {
        try (RedisProcess own = RedisProcess.start();
             SharedRedis first = SharedRedis.connect(own.url(), Duration.ofMillis(200));
             SharedRedis second = SharedRedis.connect(own.url(), Duration.ofMillis(200))) {
            RateLimiter during = limiter(first, 3, MINUTE);
            RateLimiter other = limiter(second, 3, MINUTE);
            own.stop();
            assertThat(during.acquire("token")).isEmpty();
            assertThat(during.acquire("token")).isEmpty();
            during.sync();

            own.restart();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                during.sync();
                return first.available();
            });
            // the other instance's pool may hold a connection to the Redis that died: one failure, a pause
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> second.call(client -> client.ping()).isPresent());
            assertThat(other.acquire("token")).as("the third").isEmpty();
            other.sync();
            assertThat(other.acquire("token")).as("the fourth: the two counted in the outage reached Redis").isPresent();
        }
    }

    @Test
    @DisplayName("a new window allows again")
    void shouldAllowAgainInTheNextWindow() {
        AtomicLong millis = new AtomicLong(Instant.parse("2026-03-15T10:15:00Z").toEpochMilli());
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        RateLimiter limiter = limiter(redis, 1, MINUTE, ticking);
        assertThat(limiter.acquire("token")).isEmpty();
        millis.addAndGet(20_000);
        Optional<Duration> refused = limiter.acquire("token");
        assertThat(refused).as("40 s before the window ends").contains(Duration.ofSeconds(40));

        millis.addAndGet(40_000);
        assertThat(limiter.acquire("token")).isEmpty();
    }

    @Test
    @DisplayName("without Redis each instance still limits on its own")
    void shouldLimitLocallyWithoutRedis() {
        try (RedisProcess own = RedisProcess.start();
             SharedRedis down = SharedRedis.connect(own.url(), Duration.ofMillis(200))) {
            own.stop();
            RateLimiter limiter = limiter(down, 2, MINUTE);

            assertThat(limiter.acquire("token")).isEmpty();
            assertThat(limiter.acquire("token")).isEmpty();
            assertThat(limiter.acquire("token")).isPresent();
        }
    }

    @Test
    @DisplayName("a limit of 0 means none")
    void shouldNotLimitWithZero() {
        RateLimiter limiter = limiter(redis, 0, MINUTE);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("token")).isEmpty();
        }
    }

    /** On a clock that stands still, so no window ends under a test but where one should. */
    private RateLimiter limiter(SharedRedis on, int limit, Duration window) {
        return limiter(on, limit, window, Clock.fixed(Instant.parse("2026-03-15T10:15:30Z"), ZoneOffset.UTC));
    }

    private RateLimiter limiter(SharedRedis on, int limit, Duration window, Clock clock) {
        RateLimiter limiter = new RateLimiter(on, prefix, limit, window, clock, new SimpleMeterRegistry());
        limiters.add(limiter);
        return limiter;
    }
}
