package io.ledgerstream.api.auth;

import io.ledgerstream.api.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.params.SetParams;

/**
 * Limits guessing passwords: after {@code max} failed logins of a user id within {@code window}, the
 * user id is refused until the window ends. Counted in the shared Redis
 * ({@code <prefix>:login-failures:<userId>}, expiring with the window) so every instance sees the
 * same count; without Redis, in this instance's memory, which still limits, since logins are
 * answered by the instance that owns the user.
 */
public final class FailedLogins {

    public static final int DEFAULT_MAX = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final SharedRedis redis;
    private final String prefix;
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Count> local = new ConcurrentHashMap<>();

    private record Count(int failures, Instant until) {
    }

    public FailedLogins(SharedRedis redis, String prefix, int max, Duration window, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** How long the user id is still refused, if it is. */
    public Optional<Duration> blockedFor(String userId) {
        Optional<Duration> shared = redis.call(client -> {
            String count = client.get(key(userId));
            if (count == null || Integer.parseInt(count) < max) {
                return Duration.ZERO;
            }
            long ttl = client.pttl(key(userId));
            return Duration.ofMillis(Math.max(ttl, 1));
        });
        if (shared.isPresent()) {
            return shared.filter(duration -> !duration.isZero());
        }
        Count count = local.get(userId);
        Instant now = clock.instant();
        if (count == null || !now.isBefore(count.until()) || count.failures() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, count.until()));
    }

    public void failed(String userId) {
        boolean counted = redis.call(client -> {
            client.set(key(userId), "0", SetParams.setParams().nx().px(window.toMillis()));
            return client.incr(key(userId));
        }).isPresent();
        if (!counted) {
            Instant now = clock.instant();
            local.compute(userId, (id, count) -> count == null || !now.isBefore(count.until())
                    ? new Count(1, now.plus(window)) : new Count(count.failures() + 1, count.until()));
        }
    }

    /** A successful login forgets the failures before it. */
    public void succeeded(String userId) {
        redis.call(client -> client.del(key(userId)));
        local.remove(userId);
    }

    private String key(String userId) {
        return prefix + ":login-failures:" + userId;
    }
}
