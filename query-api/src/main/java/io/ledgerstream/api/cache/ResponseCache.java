package io.ledgerstream.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerstream.api.redis.RedisScript;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.topology.store.CommittedChanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The response cache the API instances share in Redis, for answers read from one store (month
 * summaries: {@code /summary} and {@code /months}). Exact, not merely short-lived: every entry is
 * filed under its user's <em>version</em>, and the instance whose stream task commits a change of a
 * user's entries gives that user a new random version in the same commit (this class is the
 * topology's {@link CommittedChanges}), so no instance finds the old answer again. A store that is
 * (re)opened, after a rebalance, a restart or an aborted transaction, may hold other state than was
 * read before: it changes the global <em>epoch</em>, which every entry's key also holds.
 *
 * <p>Keys: {@code <prefix>:cache:epoch}, {@code <prefix>:cache:version:<user>} and
 * {@code <prefix>:cache:entry:<user>:<epoch>:<version>:<request>}. One Lua round trip reads the epoch,
 * the version and the entry (making either of the first two when missing); the entry key is built in
 * the script, so this needs a single Redis, not a Redis Cluster. Entries and versions also expire
 * ({@link #ENTRY_TTL}, {@link #VERSION_TTL}), as a backstop and to bound Redis' memory.
 *
 * <p>Each instance also remembers answers itself, since even one round trip to Redis costs more than
 * the rest of a request. Each answer is remembered under its user's <em>local version</em>, an object
 * that is replaced, so the answer is never found again, when:
 * <ul>
 *   <li>this instance commits a change of the user (it is told here first, like the shared versions);</li>
 *   <li>any instance announces a change of the user: it publishes the users of each commit on
 *       {@code <prefix>:cache:changes} (Redis pub/sub), in the same pipeline that changes their
 *       versions (every local version, if a store was reopened);</li>
 *   <li>this instance rebalances, or reopens a store (a partition can come back from a time when
 *       another instance changed it).</li>
 * </ul>
 * The owner of a user remembers what it read from its store ({@link #ownerAnswer}; reading it, through
 * Streams' interactive queries, cost a third of a /summary request's CPU), whether or not it hears
 * the announcements: its own commits are the only changes. Any other instance remembers what it read
 * from Redis or from the owner ({@link #lookup}) only while it {@linkplain #hearChanges hears} the
 * announcements; losing the subscription forgets everything. Since the announcement follows the
 * change of the shared version, an instance can answer the old entry for as long as the announcement
 * takes to reach it, well under a millisecond on one network, where a lookup in Redis would already
 * miss. (Reading the store, the owner itself shows a change up to a commit interval before that: as
 * soon as its task has processed it.) Redis' client-side caching (CLIENT TRACKING) would do the same
 * for plain GETs, but Jedis supports it only on Redis 7.4 and later, and the lookup is a script.
 *
 * <p>Without Redis every lookup misses and nothing is filled: the API serves uncached. While Redis
 * is away, commits cannot change their users' versions, so the entries Redis still holds when it
 * comes back may be older than the state: an instance that found Redis gone therefore makes a new
 * epoch before it reads any entry again ({@link SharedRedis#outages}), and one that could not tell
 * Redis of a commit does so at its next commit as well. What is left: an instance that never noticed
 * the outage (Redis unreachable from some instances only) could serve an entry older than a commit
 * another instance could not announce, until that instance reaches Redis again, for at most
 * {@link #ENTRY_TTL}.
 */
public final class ResponseCache implements CommittedChanges, AutoCloseable {

    static final Duration ENTRY_TTL = Duration.ofMinutes(10);
    static final Duration VERSION_TTL = Duration.ofHours(1);

    // the epoch and the version are made here when missing, atomically with reading them, so two
    // instances never file entries of one state under two versions
    private static final RedisScript LOOKUP = new RedisScript("""
            local epoch = redis.call('GET', KEYS[1])
            if not epoch then
              epoch = ARGV[1]
              redis.call('SET', KEYS[1], epoch)
            end
            local version = redis.call('GET', KEYS[2])
            if not version then
              version = ARGV[2]
              redis.call('SET', KEYS[2], version, 'PX', ARGV[3])
            end
            local entry = redis.call('GET', ARGV[4] .. epoch .. ':' .. version .. ':' .. ARGV[5])
            return {epoch, version, entry or false}
            """);

    /** Users whose answers this instance remembers, at most; the least used are read again. */
    static final int REMEMBERED_USERS = 100_000;
    /** Answers this instance remembers, at most. */
    static final int REMEMBERED_ANSWERS = 100_000;
    /** Waited before subscribing again to the announcements of changes once the subscription failed. */
    static final Duration RESUBSCRIBE_PAUSE = Duration.ofSeconds(1);

    private static final String ALL_USERS = "all";
    private static final String USERS = "users\n";

    private final Cache<String, Object> localVersions = Caffeine.newBuilder().maximumSize(REMEMBERED_USERS).build();
    // expiring like the shared entries: the same bound on a commit that no instance could announce
    private final Cache<String, Remembered> answers = Caffeine.newBuilder().maximumSize(REMEMBERED_ANSWERS)
            .expireAfterWrite(ENTRY_TTL).build();
    private final SharedRedis redis;
    private final String prefix;
    private final String changesChannel;
    private final AtomicBoolean epochOwed = new AtomicBoolean();
    /** The outages of Redis ({@link SharedRedis#outages}) this instance has made a new epoch after. */
    private final AtomicLong outagesSettled = new AtomicLong();
    // true only between the confirmation of a subscription to the announcements and its loss
    private volatile boolean hearingChanges;
    private volatile boolean closed;
    private final AtomicLong announcementsHeard = new AtomicLong();
    private volatile ChangeListener listener;
    private Thread listening;
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;
    private final Counter ownerHits;
    private final Counter ownerMisses;
    private final Counter nearHits;
    private final Counter nearMisses;

    private record Remembered(Object version, String body) {
    }

    /**
     * @param prefix keeps applications apart in one Redis (the application id)
     * @param meters counts lookups in Redis as {@code ledgerstream.api.cache.lookups} by {@code result}:
     *               hit, miss, or unavailable (no Redis); of remembered answers as
     *               {@code ledgerstream.api.cache.owner.lookups} (the owner's) and
     *               {@code ledgerstream.api.cache.near.lookups} (another instance's), hit or miss
     */
    public ResponseCache(SharedRedis redis, String prefix, MeterRegistry meters) {
        this.redis = redis;
        this.prefix = prefix + ":cache:";
        this.changesChannel = this.prefix + "changes";
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.unavailable = lookups(meters, "unavailable");
        this.ownerHits = ownerLookups(meters, "hit");
        this.ownerMisses = ownerLookups(meters, "miss");
        this.nearHits = nearLookups(meters, "hit");
        this.nearMisses = nearLookups(meters, "miss");
    }

    private static Counter ownerLookups(MeterRegistry meters, String result) {
        return lookups(meters, "ledgerstream.api.cache.owner.lookups",
                "Answers to /summary and /months the owner of the user remembered (hit) or read (miss)", result);
    }

    private static Counter nearLookups(MeterRegistry meters, String result) {
        return lookups(meters, "ledgerstream.api.cache.near.lookups",
                "Answers to /summary and /months an instance that does not own the user remembered (hit) or looked up"
                        + " in Redis (miss)", result);
    }

    /**
     * Subscribes to the announcements of changes, on a thread of its own, and again whenever the
     * subscription is lost: from the confirmation of a subscription on, {@link #lookup} also remembers
     * answers. While Redis is down it tries again every {@link #RESUBSCRIBE_PAUSE}; without Redis
     * configured it does nothing.
     */
    public synchronized ResponseCache hearChanges() {
        if (listening == null && !closed) {
            listening = Thread.ofPlatform().name("cache-changes").daemon().start(this::listen);
        }
        return this;
    }

    private void listen() {
        while (!closed && redis.configured()) {
            ChangeListener subscription = new ChangeListener();
            listener = subscription;
            redis.subscribe(subscription, changesChannel);
            // returned: unsubscribed by close(), or the subscription failed or was lost
            hearingChanges = false;
            localVersions.invalidateAll();
            if (!closed) {
                try {
                    Thread.sleep(RESUBSCRIBE_PAUSE);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Hears the announcements; called on the {@code cache-changes} thread. */
    private final class ChangeListener extends JedisPubSub {

        private final AtomicBoolean ending = new AtomicBoolean();

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (closed) {
                end();
                return;
            }
            // announcements published before this were not heard: forget what was remembered until now
            localVersions.invalidateAll();
            hearingChanges = true;
        }

        @Override
        public void onMessage(String channel, String message) {
            announcementsHeard.incrementAndGet();
            if (message.startsWith(USERS)) {
                localVersions.invalidateAll(List.of(message.substring(USERS.length()).split("\n")));
            } else {
                localVersions.invalidateAll();
            }
        }

        /** Unsubscribes once, from whichever thread asks first (a second UNSUBSCRIBE would leave a reply unread). */
        void end() {
            if (isSubscribed() && ending.compareAndSet(false, true)) {
                try {
                    unsubscribe();
                } catch (JedisException e) {
                    // the connection is gone already: subscribe() returns by itself
                }
            }
        }
    }

    /** Whether a subscription to the announcements of changes is confirmed and not lost since. */
    boolean hearsChanges() {
        return hearingChanges;
    }

    /** Announcements of changes heard so far (its own included): for tests, which cannot tell otherwise. */
    long announcementsHeard() {
        return announcementsHeard.get();
    }

    /** Stops hearing the announcements (Redis itself is closed by its owner). */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = listening;
        }
        if (thread == null) {
            return;
        }
        ChangeListener subscription = listener;
        if (subscription != null) {
            // not subscribed yet: its onSubscribe ends it
            subscription.end();
        }
        thread.interrupt();
        try {
            thread.join(RESUBSCRIBE_PAUSE.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The answer to {@code request} about a user whose partition is active on this instance: the one
     * remembered, unless this instance committed a change of the user's state since it was read, or
     * rebalanced, or reopened a store; otherwise {@code read}'s, which is then remembered.
     *
     * @param read reads the answer from this instance's stores; it is asked after the user's version
     *             is taken, so a change committed meanwhile leaves an entry that is never found
     */
    public OwnerAnswer ownerAnswer(String userId, String request, Supplier<String> read) {
        return ownerAnswer(userId, request, false, read);
    }

    /**
     * As {@link #ownerAnswer(String, String, Supplier)}; {@code fresh} reads the store even if an
     * answer is remembered (the caller sent {@code Cache-Control: no-cache}), and remembers that.
     */
    public OwnerAnswer ownerAnswer(String userId, String request, boolean fresh, Supplier<String> read) {
        Object version = localVersions.get(userId, user -> new Object());
        Optional<String> known = fresh ? Optional.empty() : remembered(userId, request, version);
        if (known.isPresent()) {
            ownerHits.increment();
            return new OwnerAnswer(known.get(), true);
        }
        String body = read.get();
        remember(userId, request, version, body);
        ownerMisses.increment();
        return new OwnerAnswer(body, false);
    }

    private Optional<String> remembered(String userId, String request, Object version) {
        Remembered known = answers.getIfPresent(userId + '\n' + request);
        return known != null && known.version() == version ? Optional.of(known.body()) : Optional.empty();
    }

    /**
     * Remembers {@code body} under {@code version}, which must have been taken before the body was
     * read: if the user's version was replaced meanwhile, the answer is never found.
     */
    private void remember(String userId, String request, Object version, String body) {
        answers.put(userId + '\n' + request, new Remembered(version, body));
    }

    /** What {@link #ownerAnswer} answered, and whether it was remembered. */
    public record OwnerAnswer(String body, boolean remembered) {
    }

    /**
     * This instance's tasks are being reassigned: none of its remembered answers is to be trusted
     * any more (a partition can come back after another instance changed it).
     */
    public void rebalancing() {
        localVersions.invalidateAll();
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return lookups(meters, "ledgerstream.api.cache.lookups", "Response cache lookups of /summary and /months", result);
    }

    private static Counter lookups(MeterRegistry meters, String name, String description, String result) {
        return Counter.builder(name).description(description).tag("result", result).register(meters);
    }

    /**
     * The cached answer to {@code request} (a canonical form of the path and parameters) about
     * {@code userId}, or a miss that can be {@linkplain #fill filled}; empty without Redis. The answer
     * this instance remembers, if it hears the announcements of changes; otherwise Redis', which is
     * then remembered.
     */
    public Optional<Lookup> lookup(String userId, String request) {
        return lookup(userId, request, false);
    }

    /**
     * As {@link #lookup(String, String)}; {@code fresh} answers a miss whatever is cached (the caller
     * sent {@code Cache-Control: no-cache}), still with the versions to {@linkplain #fill fill} it.
     */
    public Optional<Lookup> lookup(String userId, String request, boolean fresh) {
        // taken before Redis is asked, so an announcement heard meanwhile leaves an answer never found
        Object localVersion = hearingChanges ? localVersions.get(userId, user -> new Object()) : null;
        if (localVersion != null && !fresh) {
            Optional<String> known = remembered(userId, request, localVersion);
            (known.isPresent() ? nearHits : nearMisses).increment();
            if (known.isPresent()) {
                return Optional.of(new Lookup(userId, request, null, null, known, null));
            }
        }
        if (!outagesSettled()) {
            unavailable.increment();
            return Optional.empty();
        }
        Optional<Lookup> lookup = redis.call(client -> {
            List<?> reply = (List<?>) LOOKUP.run(client, List.of(epochKey(), versionKey(userId)),
                    List.of(newToken(), newToken(), Long.toString(VERSION_TTL.toMillis()),
                            prefix + "entry:" + userId + ":", request));
            return new Lookup(userId, request, (String) reply.get(0), (String) reply.get(1),
                    fresh ? Optional.empty() : Optional.ofNullable((String) reply.get(2)), localVersion);
        });
        lookup.ifPresentOrElse(found -> (found.body().isPresent() ? hits : misses).increment(), unavailable::increment);
        lookup.ifPresent(found -> found.body().ifPresent(body -> {
            if (localVersion != null) {
                remember(userId, request, localVersion, body);
            }
        }));
        return lookup;
    }

    /**
     * Files {@code body} as the answer of a missed lookup, in Redis and in this instance's memory. The
     * body must have been read after the lookup: then a change committed in between has a newer
     * version, and this entry is never found.
     */
    public void fill(Lookup miss, String body) {
        if (miss.epoch == null) {
            throw new IllegalArgumentException("not a lookup in Redis: " + miss);
        }
        redis.call(client -> client.set(entryKey(miss), body, SetParams.setParams().px(ENTRY_TTL.toMillis())));
        if (miss.localVersion != null) {
            remember(miss.userId, miss.request, miss.localVersion, body);
        }
    }

    @Override
    public void committing(String storeName, Set<String> userIds) {
        localVersions.invalidateAll(userIds);
        boolean told = redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                SetParams expiry = SetParams.setParams().px(VERSION_TTL.toMillis());
                for (String userId : userIds) {
                    pipeline.set(versionKey(userId), newToken(), expiry);
                }
                boolean newEpoch = epochOwed.get();
                if (newEpoch) {
                    pipeline.set(epochKey(), newToken());
                }
                pipeline.publish(changesChannel, newEpoch ? ALL_USERS : USERS + String.join("\n", userIds));
                pipeline.sync();
            }
            return true;
        }).isPresent();
        epochOwed.set(!told);
    }

    @Override
    public void reopened(String storeName) {
        localVersions.invalidateAll();
        epochOwed.set(!newEpoch());
    }

    /**
     * Whether every outage of Redis this instance saw has been followed by a new epoch, making one now
     * if needed: entries filled before an outage may be older than commits made during it.
     */
    private boolean outagesSettled() {
        long seen = redis.outages();
        if (outagesSettled.get() == seen) {
            return true;
        }
        boolean told = newEpoch();
        if (told) {
            outagesSettled.set(seen);
        }
        return told;
    }

    /** A new epoch, announced: every entry so far is unreachable. Whether Redis was told. */
    private boolean newEpoch() {
        return redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                pipeline.set(epochKey(), newToken());
                pipeline.publish(changesChannel, ALL_USERS);
                pipeline.sync();
            }
            return true;
        }).isPresent();
    }

    private String epochKey() {
        return prefix + "epoch";
    }

    private String versionKey(String userId) {
        return prefix + "version:" + userId;
    }

    private String entryKey(Lookup lookup) {
        return prefix + "entry:" + lookup.userId + ":" + lookup.epoch + ":" + lookup.version + ":" + lookup.request;
    }

    /** A fresh epoch or version: only needs to differ from every earlier one, not to be unguessable. */
    private static String newToken() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * A lookup's answer: the cached body, if any, and, for a {@linkplain #fill fill}, the shared epoch
     * and version it was looked up under in Redis (none for a remembered answer) and the local version
     * taken before (none unless this instance heard the announcements of changes).
     */
    public static final class Lookup {

        private final String userId;
        private final String request;
        private final String epoch;
        private final String version;
        private final Optional<String> body;
        private final Object localVersion;

        private Lookup(String userId, String request, String epoch, String version, Optional<String> body,
                       Object localVersion) {
            this.userId = userId;
            this.request = request;
            this.epoch = epoch;
            this.version = version;
            this.body = body;
            this.localVersion = localVersion;
        }

        public Optional<String> body() {
            return body;
        }

        @Override
        public String toString() {
            return "Lookup[" + userId + ", " + request + ", epoch " + epoch + ", version " + version + "]";
        }
    }
}
