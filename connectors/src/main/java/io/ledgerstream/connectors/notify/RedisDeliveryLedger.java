package io.ledgerstream.connectors.notify;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisURIHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger in Redis: one key per alert and channel ({@code <prefix>:<channel>:<alertId>}),
 * kept {@value #KEEP_DAYS} days, longer than any alert is read again.
 *
 * <p>Without Redis the notifier goes on delivering and says so once (and once more when Redis is
 * back): every alert is then delivered, and one read again may be delivered twice. A rare duplicate
 * is preferred to a lost alert.
 */
public final class RedisDeliveryLedger implements DeliveryLedger, AutoCloseable {

    static final int KEEP_DAYS = 90;
    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryLedger.class);

    private final RedisClient redis;
    private final String prefix;
    private final String where;
    private boolean down;

    /**
     * @param url    {@code redis://[user:password@]host:port[/db]}
     * @param prefix keeps apart the ledgers of several deployments sharing one Redis
     */
    public RedisDeliveryLedger(String url, String prefix, Duration timeout) {
        URI uri = URI.create(url);
        this.redis = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .timeoutMillis((int) timeout.toMillis())
                        .user(JedisURIHelper.getUser(uri))
                        .password(JedisURIHelper.getPassword(uri))
                        .database(JedisURIHelper.hasDbIndex(uri) ? JedisURIHelper.getDBIndex(uri) : 0)
                        .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                        .build())
                .build();
        this.prefix = prefix;
        this.where = uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public boolean done(String channel, String alertId) {
        try {
            boolean done = redis.exists(key(channel, alertId));
            up();
            return done;
        } catch (JedisException e) {
            down(e);
            return false;
        }
    }

    @Override
    public void record(String channel, String alertId, String outcome) {
        try {
            redis.set(key(channel, alertId), outcome, SetParams.setParams().ex(Duration.ofDays(KEEP_DAYS).toSeconds()));
            up();
        } catch (JedisException e) {
            down(e);
        }
    }

    private String key(String channel, String alertId) {
        return prefix + ":" + channel + ":" + alertId;
    }

    private synchronized void down(JedisException e) {
        if (!down) {
            down = true;
            log.warn("Redis at {} is unavailable ({}): delivering without de-duplication, so an alert read again"
                    + " may be delivered twice; none is lost", where, e.getMessage());
        }
    }

    private synchronized void up() {
        if (down) {
            down = false;
            log.info("Redis at {} is back: deliveries are de-duplicated again", where);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
