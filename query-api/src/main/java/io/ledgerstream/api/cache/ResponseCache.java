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
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
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
 * <p>The instance that owns a user answers from its own memory instead ({@link #ownerAnswer}): a
 * round trip to Redis costs more than reading the store, but reading the store, through Streams'
 * interactive queries, still cost a third of a /summary request's CPU. Each answer is remembered
 * under the user's local version, an object that this instance's commits of the user's changes
 * replace (they are told here first, like the shared versions); a store (re)opened or a rebalance of
 * this instance replaces every local version, since a partition can come back from a time when
 * another instance changed it.
 *
 * <p>Without Redis every lookup misses and nothing is filled: the API serves uncached. If Redis
 * cannot be told of a commit, this instance changes the epoch as soon as it reaches Redis again;
 * until then another instance could serve an entry older than that commit, for at most
 * {@link #ENTRY_TTL}.
 */
public final class ResponseCache implements CommittedChanges {

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

    /** Users whose answers this instance remembers as their owner, at most; the least used are read again. */
    static final int OWNER_USERS = 100_000;
    /** Answers this instance remembers as owner, at most. */
    static final int OWNER_ANSWERS = 100_000;

    private final Cache<String, Object> localVersions = Caffeine.newBuilder().maximumSize(OWNER_USERS).build();
    private final Cache<String, OwnerEntry> ownerAnswers = Caffeine.newBuilder().maximumSize(OWNER_ANSWERS).build();
    private final Counter ownerHits;
    private final Counter ownerMisses;

    private record OwnerEntry(Object version, String body) {
    }

    private final SharedRedis redis;
    private final String prefix;
    private final AtomicBoolean epochOwed = new AtomicBoolean();
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;

    /**
     * @param prefix keeps applications apart in one Redis (the application id)
     * @param meters counts lookups as {@code ledgerstream.api.cache.lookups} by {@code result}: hit, miss,
     *               or unavailable (no Redis)
     */
    public ResponseCache(SharedRedis redis, String prefix, MeterRegistry meters) {
        this.redis = redis;
        this.prefix = prefix + ":cache:";
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.unavailable = lookups(meters, "unavailable");
        this.ownerHits = ownerLookups(meters, "hit");
        this.ownerMisses = ownerLookups(meters, "miss");
    }

    private static Counter ownerLookups(MeterRegistry meters, String result) {
        return lookups(meters, "ledgerstream.api.cache.owner.lookups",
                "Answers to /summary and /months the owner of the user remembered (hit) or read (miss)", result);
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
        Object version = localVersions.get(userId, user -> new Object());
        String key = userId + '\n' + request;
        OwnerEntry known = ownerAnswers.getIfPresent(key);
        if (known != null && known.version() == version) {
            ownerHits.increment();
            return new OwnerAnswer(known.body(), true);
        }
        String body = read.get();
        ownerAnswers.put(key, new OwnerEntry(version, body));
        ownerMisses.increment();
        return new OwnerAnswer(body, false);
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
     * {@code userId}, or a miss that can be {@linkplain #fill filled}; empty without Redis.
     */
    public Optional<Lookup> lookup(String userId, String request) {
        Optional<Lookup> lookup = redis.call(client -> {
            List<?> reply = (List<?>) LOOKUP.run(client, List.of(epochKey(), versionKey(userId)),
                    List.of(newToken(), newToken(), Long.toString(VERSION_TTL.toMillis()),
                            prefix + "entry:" + userId + ":", request));
            return new Lookup(userId, request, (String) reply.get(0), (String) reply.get(1),
                    Optional.ofNullable((String) reply.get(2)));
        });
        lookup.ifPresentOrElse(found -> (found.body().isPresent() ? hits : misses).increment(), unavailable::increment);
        return lookup;
    }

    /**
     * Files {@code body} as the answer of a missed lookup. The body must have been read after the
     * lookup: then a change committed in between has a newer version, and this entry is never found.
     */
    public void fill(Lookup miss, String body) {
        redis.call(client -> client.set(entryKey(miss), body, SetParams.setParams().px(ENTRY_TTL.toMillis())));
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
                if (epochOwed.get()) {
                    pipeline.set(epochKey(), newToken());
                }
                pipeline.sync();
            }
            return true;
        }).isPresent();
        epochOwed.set(!told);
    }

    @Override
    public void reopened(String storeName) {
        localVersions.invalidateAll();
        boolean told = redis.call(client -> client.set(epochKey(), newToken())).isPresent();
        epochOwed.set(!told);
    }

    private String epochKey() {
        return prefix + "epoch";
    }

    private String versionKey(String userId) {
        return prefix + "version:" + userId;
    }

    private String entryKey(Lookup lookup) {
        return prefix + "entry:" + lookup.userId() + ":" + lookup.epoch() + ":" + lookup.version() + ":"
                + lookup.request();
    }

    /** A fresh epoch or version: only needs to differ from every earlier one, not to be unguessable. */
    private static String newToken() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A lookup's answer: the cached body, if any, and the epoch and version it was looked up under. */
    public record Lookup(String userId, String request, String epoch, String version, Optional<String> body) {
    }
}
