package io.ledgerstream.api.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis the API instances share (Jedis' pooled {@link RedisClient}), for the response cache, rate
 * limits and failed logins. Redis is optional: a call that fails answers empty and the caller goes on
 * without it. Once a call has failed, Redis is left alone for {@value #PAUSE_SECONDS} s (so a dead
 * Redis costs one timeout per pause, not one per request); going down and coming back are logged once.
 */
public final class SharedRedis implements AutoCloseable {

    static final int PAUSE_SECONDS = 5;
    private static final int MAX_CONNECTIONS = 64;
    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final RedisClient redis;
    private final String where;
    private final Clock clock;
    // read on every call without a lock; written only when Redis goes down or comes back
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean down;
    private final AtomicLong outages = new AtomicLong();

    private SharedRedis(RedisClient redis, String where, Clock clock) {
        this.redis = redis;
        this.where = where;
        this.clock = clock;
    }

    /** @param url {@code redis://[user:password@]host:port[/db]} (or {@code rediss://}) */
    public static SharedRedis connect(String url, Duration timeout) {
        URI uri = URI.create(url);
        RedisClient client = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .timeoutMillis((int) timeout.toMillis())
                        .user(JedisURIHelper.getUser(uri))
                        .password(JedisURIHelper.getPassword(uri))
                        .database(JedisURIHelper.hasDbIndex(uri) ? JedisURIHelper.getDBIndex(uri) : 0)
                        .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                        .build())
                .poolConfig(pool())
                .build();
        return new SharedRedis(client, uri.getHost() + ":" + uri.getPort(), Clock.systemUTC());
    }

    /**
     * Connections for as many requests as Jetty answers at once: the pool's default of 8 made every
     * request beyond the eighth wait for a connection.
     */
    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(4);
        return pool;
    }

    /** No Redis at all: every call answers empty. */
    public static SharedRedis none() {
        return new SharedRedis(null, "nowhere", Clock.systemUTC());
    }

    /**
     * Runs {@code call} on Redis.
     *
     * @return its answer, or empty if Redis is not configured, paused after a failure, or fails now
     */
    public <T> Optional<T> call(Function<RedisClient, T> call) {
        if (redis == null || paused()) {
            return Optional.empty();
        }
        try {
            T answer = call.apply(redis);
            up();
            return Optional.ofNullable(answer);
        } catch (JedisException e) {
            down(e);
            return Optional.empty();
        }
    }

    /**
     * Subscribes {@code listener} to {@code channel} on a connection of the pool and blocks until it
     * unsubscribes (true), or until the subscription fails or is lost (false, as {@link #call} fails).
     */
    public boolean subscribe(JedisPubSub listener, String channel) {
        return call(client -> {
            client.subscribe(listener, channel);
            return true;
        }).isPresent();
    }

    /** Whether a Redis is configured at all ({@link #none()} is not). */
    public boolean configured() {
        return redis != null;
    }

    /**
     * How many times a call has found Redis gone since this client was made: after each, what this
     * instance holds in Redis may be older than changes it (or another instance) could not write.
     */
    public long outages() {
        return outages.get();
    }

    /** Whether the last call reached Redis (false without Redis). */
    public boolean available() {
        return redis != null && !down;
    }

    private boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    private synchronized void down(JedisException e) {
        pausedUntil = clock.instant().plusSeconds(PAUSE_SECONDS);
        if (!down) {
            down = true;
            outages.incrementAndGet();
            log.warn("Redis at {} is unavailable ({}): serving without the shared cache, with per-instance limits,"
                    + " trying again every {} s", where, e.getMessage(), PAUSE_SECONDS);
        }
    }

    private void up() {
        if (down) {
            synchronized (this) {
                if (down) {
                    down = false;
                    log.info("Redis at {} is back: shared cache and limits again", where);
                }
            }
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
