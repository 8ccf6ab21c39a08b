package io.ledgerstream.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.testing.RedisProcess;
import io.ledgerstream.topology.StoreNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The response cache on a real Redis: the shared one, or one of the test's own that it stops. */
class ResponseCacheTest {

    private static final String STORE = StoreNames.MONTHLY_SUMMARIES;

    private final String prefix = "cache-test-" + UUID.randomUUID();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final SharedRedis redis = SharedRedis.connect(RedisProcess.SHARED, Duration.ofSeconds(1));
    private final SharedRedis otherInstancesRedis = SharedRedis.connect(RedisProcess.SHARED, Duration.ofSeconds(1));

    @AfterEach
    void close() {
        redis.close();
        otherInstancesRedis.close();
    }

    @Test
    @DisplayName("a filled answer is found until a commit changes its user's state; other users' stay")
    void shouldHitUntilTheUsersChangeIsCommitted() {
        ResponseCache cache = new ResponseCache(redis, prefix, meters);
        fill(cache, "ann", "summary:2026-03", "{\"net\":\"1.00\"}");
        fill(cache, "bob", "summary:2026-03", "{\"net\":\"2.00\"}");

        assertThat(body(cache, "ann", "summary:2026-03")).contains("{\"net\":\"1.00\"}");
        assertThat(body(cache, "ann", "summary:2026-04")).as("another request of the same user").isEmpty();

        cache.committing(STORE, Set.of("ann"));

        assertThat(body(cache, "ann", "summary:2026-03")).as("after ann's change").isEmpty();
        assertThat(body(cache, "bob", "summary:2026-03")).contains("{\"net\":\"2.00\"}");
        assertThat(count("hit")).isEqualTo(2);
        assertThat(count("miss")).as("two fills, April, ann after the change").isEqualTo(4);
    }

    @Test
    @DisplayName("instances share entries, and the owner's commit hides them from every instance")
    void shouldShareEntriesAndChangesAcrossInstances() {
        ResponseCache owner = new ResponseCache(redis, prefix, meters);
        ResponseCache other = new ResponseCache(otherInstancesRedis, prefix, new SimpleMeterRegistry());
        fill(owner, "ann", "months", "[1]");

        assertThat(body(other, "ann", "months")).contains("[1]");

        owner.committing(STORE, Set.of("ann"));
        assertThat(body(other, "ann", "months")).isEmpty();
        fill(other, "ann", "months", "[1,2]");
        assertThat(body(owner, "ann", "months")).contains("[1,2]");
    }

    @Test
    @DisplayName("an answer read under a version that a commit replaced is never found")
    void shouldNotFindAnAnswerFiledUnderAReplacedVersion() {
        ResponseCache cache = new ResponseCache(redis, prefix, meters);
        ResponseCache.Lookup miss = cache.lookup("ann", "months").orElseThrow();

        cache.committing(STORE, Set.of("ann"));
        cache.fill(miss, "[\"read before the commit\"]");

        assertThat(body(cache, "ann", "months")).isEmpty();
    }

    @Test
    @DisplayName("a store that reopens hides every user's entries")
    void shouldMissEverythingAfterAStoreReopens() {
        ResponseCache cache = new ResponseCache(redis, prefix, meters);
        fill(cache, "ann", "months", "[1]");
        fill(cache, "bob", "months", "[2]");

        cache.reopened(STORE);

        assertThat(body(cache, "ann", "months")).isEmpty();
        assertThat(body(cache, "bob", "months")).isEmpty();
    }

    @Test
    @DisplayName("an instance that saw Redis go away reads no entry from before, though no commit has told it why")
    void shouldReadNoEntryFromBeforeAnOutageItSaw() {
        try (RedisProcess own = RedisProcess.start();
             SharedRedis otherRedis = SharedRedis.connect(own.url(), Duration.ofMillis(200))) {
            ResponseCache other = new ResponseCache(otherRedis, prefix, new SimpleMeterRegistry());
            fill(other, "ann", "months", "[\"before the outage\"]");
            assertThat(body(other, "ann", "months")).contains("[\"before the outage\"]");

            // Redis unreachable, keeping what it holds; meanwhile an owner may commit changes to ann that
            // it cannot write there (a frozen server would still take them from the socket, so none is made)
            own.pause();
            assertThat(other.lookup("ann", "months")).as("Redis away").isEmpty();
            own.resume();

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> other.lookup("ann", "months").isPresent());
            assertThat(body(other, "ann", "months")).as("the entry from before the outage").isEmpty();
        }
    }

    @Test
    @DisplayName("without Redis nothing is cached; a commit Redis missed changes the epoch once it is back")
    void shouldServeUncachedWithoutRedisAndCatchUpOnAMissedCommit() {
        try (RedisProcess own = RedisProcess.start();
             SharedRedis ownerRedis = SharedRedis.connect(own.url(), Duration.ofMillis(200));
             SharedRedis otherRedis = SharedRedis.connect(own.url(), Duration.ofMillis(200))) {
            ResponseCache owner = new ResponseCache(ownerRedis, prefix, meters);
            ResponseCache other = new ResponseCache(otherRedis, prefix, new SimpleMeterRegistry());
            own.stop();

            assertThat(owner.lookup("ann", "months")).as("no Redis: no lookup").isEmpty();
            assertThat(count("unavailable")).isEqualTo(1);
            owner.committing(STORE, Set.of("ann"));

            own.restart();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> other.lookup("ann", "months").isPresent());
            fill(other, "ann", "months", "[\"filled while the owner could not tell Redis of its commit\"]");
            assertThat(body(other, "ann", "months")).isPresent();

            // the owner's next commit, of another user, reaches Redis after its pause and pays the epoch it owes
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                owner.committing(STORE, Set.of("bob"));
                assertThat(owner.lookup("ann", "months")).isPresent();
            });
            assertThat(body(other, "ann", "months")).isEmpty();
        }
    }

    @Test
    @DisplayName("an instance that hears the announcements remembers Redis' answers until a commit of their user is announced")
    void shouldRememberSharedAnswersUntilTheirUsersChangeIsAnnounced() {
        MeterRegistry otherMeters = new SimpleMeterRegistry();
        ResponseCache owner = new ResponseCache(redis, prefix, meters);
        try (ResponseCache other = new ResponseCache(otherInstancesRedis, prefix, otherMeters).hearChanges()) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(other::hearsChanges);
            fill(owner, "ann", "months", "[1]");
            fill(owner, "bob", "months", "[2]");

            assertThat(body(other, "ann", "months")).as("from Redis").contains("[1]");
            assertThat(body(other, "ann", "months")).as("remembered").contains("[1]");
            assertThat(body(other, "bob", "months")).contains("[2]");
            assertThat(otherMeters.get("ledgerstream.api.cache.lookups").tag("result", "hit").counter().count())
                    .as("Redis asked once per user").isEqualTo(2);
            assertThat(otherMeters.get("ledgerstream.api.cache.near.lookups").tag("result", "hit").counter().count())
                    .isEqualTo(1);

            long heard = other.announcementsHeard();
            owner.committing(STORE, Set.of("ann"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> other.announcementsHeard() > heard);

            assertThat(body(other, "ann", "months")).as("ann after her change was announced").isEmpty();
            assertThat(body(other, "bob", "months")).contains("[2]");
            assertThat(otherMeters.get("ledgerstream.api.cache.near.lookups").tag("result", "hit").counter().count())
                    .as("bob's answer still remembered").isEqualTo(2);

            long heardBefore = other.announcementsHeard();
            owner.reopened(STORE);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> other.announcementsHeard() > heardBefore);
            assertThat(body(other, "bob", "months")).as("bob after a store reopened").isEmpty();
        }
    }

    @Test
    @DisplayName("an answer looked up before a change was announced is not remembered, even if filled after it")
    void shouldNotRememberAnAnswerLookedUpBeforeAnAnnouncedChange() {
        ResponseCache owner = new ResponseCache(redis, prefix, meters);
        try (ResponseCache other = new ResponseCache(otherInstancesRedis, prefix, new SimpleMeterRegistry()).hearChanges()) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(other::hearsChanges);
            ResponseCache.Lookup miss = other.lookup("ann", "months").orElseThrow();

            long heard = other.announcementsHeard();
            owner.committing(STORE, Set.of("ann"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> other.announcementsHeard() > heard);
            other.fill(miss, "[\"read before the change\"]");

            assertThat(body(other, "ann", "months")).isEmpty();
        }
    }

    @Test
    @DisplayName("losing the announcements forgets what was remembered; a commit Redis missed is announced once it is back")
    void shouldForgetRememberedAnswersWhenTheAnnouncementsAreLost() {
        try (RedisProcess own = RedisProcess.start();
             SharedRedis ownerRedis = SharedRedis.connect(own.url(), Duration.ofMillis(200));
             SharedRedis otherRedis = SharedRedis.connect(own.url(), Duration.ofMillis(200));
             ResponseCache other = new ResponseCache(otherRedis, prefix, new SimpleMeterRegistry()).hearChanges()) {
            ResponseCache owner = new ResponseCache(ownerRedis, prefix, meters);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(other::hearsChanges);
            fill(owner, "ann", "months", "[1]");
            assertThat(body(other, "ann", "months")).contains("[1]");

            own.stop();
            owner.committing(STORE, Set.of("ann"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !other.hearsChanges());
            assertThat(other.lookup("ann", "months")).as("nothing remembered, and no Redis").isEmpty();

            own.restart();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(other::hearsChanges);
            fill(other, "ann", "months", "[\"filled while the owner could not tell Redis of its commit\"]");
            assertThat(body(other, "ann", "months")).isPresent();
            // the owner's next commit, of another user, reaches Redis after its pause and announces the epoch it owes
            long heard = other.announcementsHeard();
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                owner.committing(STORE, Set.of("bob"));
                assertThat(other.announcementsHeard()).isGreaterThan(heard);
            });
            assertThat(body(other, "ann", "months")).isEmpty();
        }
    }

    @Test
    @DisplayName("without Redis an instance that would hear the announcements serves uncached and stops at once")
    void shouldNotListenWithoutRedis() {
        try (ResponseCache cache = new ResponseCache(SharedRedis.none(), prefix, meters).hearChanges()) {
            assertThat(cache.lookup("ann", "months")).isEmpty();
            assertThat(cache.hearsChanges()).isFalse();
        }
    }

    private static void fill(ResponseCache cache, String user, String request, String body) {
        ResponseCache.Lookup lookup = cache.lookup(user, request).orElseThrow();
        assertThat(lookup.body()).as("a miss before the fill").isEmpty();
        cache.fill(lookup, body);
    }

    private static Optional<String> body(ResponseCache cache, String user, String request) {
        return cache.lookup(user, request).orElseThrow(() -> new AssertionError("Redis did not answer")).body();
    }

    private double count(String result) {
        return meters.get("ledgerstream.api.cache.lookups").tag("result", result).counter().count();
    }
}
