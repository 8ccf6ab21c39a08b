package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.Fixtures.summary;
import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.query.KeyLocation;
import io.ledgerstream.api.routing.ForwardingRouting;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.RedisProcess;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.topology.StoreNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The response cache and the rate limit behind real routes, on the real shared Redis. */
class CacheAndLimitRoutesTest {

    private static final String MARCH = "/api/v1/users/alice/summary?month=2026-03";

    private final String prefix = "routes-test-" + UUID.randomUUID();
    private final SharedRedis redis = SharedRedis.connect(RedisProcess.SHARED, Duration.ofSeconds(1));
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ResponseCache cache = new ResponseCache(redis, prefix, meters);
    private final FakeUserStateReader reader = new FakeUserStateReader()
            .withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "40.00", Map.of("FOOD_AND_DRINK", "40")));
    private final AtomicInteger localAnswers = new AtomicInteger();

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    @DisplayName("a repeated summary is a hit without asking the owner; after the user's commit, a miss with the new state")
    void shouldServeHitsUntilTheUsersStateChanges() {
        JavalinTest.test(app(0), (server, client) -> {
            Response first = get(client, MARCH);
            String firstBody = first.body().string();
            Response second = get(client, MARCH);

            assertThat(first.headers().get("X-Cache")).containsExactly("miss");
            assertThat(second.headers().get("X-Cache")).containsExactly("hit");
            assertThat(second.body().string()).isEqualTo(firstBody);
            assertThat(localAnswers).as("the hit did not route").hasValue(1);

            // When: the stream commits a change of alice's summaries
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "52.50", Map.of("FOOD_AND_DRINK", "52.5")));
            cache.committing(StoreNames.MONTHLY_SUMMARIES, Set.of("alice"));

            Response after = get(client, MARCH);
            assertThat(after.headers().get("X-Cache")).containsExactly("miss");
            assertThat(json(after).get("expenses").asText()).isEqualTo("52.50");
            assertThat(json(get(client, "/api/v1/users/alice/months")).get("months").get(0).get("expenses").asText())
                    .isEqualTo("52.50");

            String metrics = client.get("/metrics").body().string();
            assertThat(metrics).contains("ledgerstream_api_cache_lookups_total{result=\"hit\"} 1.0")
                    .contains("ledgerstream_api_cache_lookups_total{result=\"miss\"} 3.0")
                    .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/users/{userId}/summary\","
                            + "status=\"200\"");
        });
    }

    @Test
    @DisplayName("the owner of the user remembers its answers until it commits a change of the user, rebalances or"
            + " reopens a store; it leaves the shared cache alone")
    void shouldAnswerOnTheOwnerFromItsStoreOrItsMemory() {
        JavalinTest.test(app(0, OwnerRouting.localOnly()), (server, client) -> {
            assertOwnerAnswer(client, "miss", "40.00");
            assertOwnerAnswer(client, "hit", "40.00");
            assertOwnerAnswer(client, "hit", "40.00");

            // When: the stream commits a change of alice's summaries
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "52.50", Map.of("FOOD_AND_DRINK", "52.5")));
            cache.committing(StoreNames.MONTHLY_SUMMARIES, Set.of("alice"));
            assertOwnerAnswer(client, "miss", "52.50");
            assertOwnerAnswer(client, "hit", "52.50");
            Response months = get(client, "/api/v1/users/alice/months");
            assertThat(json(months).get("months").get(0).get("expenses").asText()).isEqualTo("52.50");

            // When: a commit of another user's changes: alice's answer stands
            cache.committing(StoreNames.MONTHLY_SUMMARIES, Set.of("bob"));
            assertOwnerAnswer(client, "hit", "52.50");

            // When: this instance rebalances, or a store is reopened, while the stub holds other state
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "60.00", Map.of("FOOD_AND_DRINK", "60")));
            cache.rebalancing();
            assertOwnerAnswer(client, "miss", "60.00");
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "61.00", Map.of("FOOD_AND_DRINK", "61")));
            cache.reopened(StoreNames.MONTHLY_SUMMARIES);
            assertOwnerAnswer(client, "miss", "61.00");

            assertThat(client.get("/metrics").body().string())
                    .contains("ledgerstream_api_cache_lookups_total{result=\"hit\"} 0.0")
                    .contains("ledgerstream_api_cache_lookups_total{result=\"miss\"} 0.0")
                    .contains("ledgerstream_api_cache_owner_lookups_total{result=\"hit\"} 4.0")
                    .contains("ledgerstream_api_cache_owner_lookups_total{result=\"miss\"} 5.0");
        });
    }

    @Test
    @DisplayName("Cache-Control: no-cache is answered from the store, on the owner and on another instance, and"
            + " what was read is cached")
    void shouldReadTheStoreWhenAskedForNoCache() {
        JavalinTest.test(app(0, OwnerRouting.localOnly()), (server, client) -> {
            assertOwnerAnswer(client, "miss", "40.00");
            assertOwnerAnswer(client, "hit", "40.00");
            // the stub's state changes without a commit: only a read of the store can show it
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "70.00", Map.of("FOOD_AND_DRINK", "70")));
            assertOwnerAnswer(client, "hit", "40.00");

            assertOwnerAnswer(client, "miss", "70.00", "no-cache");
            assertOwnerAnswer(client, "hit", "70.00");
        });
        JavalinTest.test(app(0), (server, client) -> {
            assertOwnerAnswer(client, "miss", "70.00");
            assertOwnerAnswer(client, "hit", "70.00");
            reader.withMonths("alice", summary("alice", "2026-03", "EUR", "100.00", "71.00", Map.of("FOOD_AND_DRINK", "71")));

            assertOwnerAnswer(client, "miss", "71.00", "max-age=0, No-Cache");
            assertThat(localAnswers).as("routed twice: the first read and the one asked for no-cache").hasValue(2);
            assertOwnerAnswer(client, "hit", "71.00");
        });
    }

    private static void assertOwnerAnswer(HttpClient client, String cacheHeader, String expenses) throws Exception {
        assertOwnerAnswer(client, cacheHeader, expenses, null);
    }

    private static void assertOwnerAnswer(HttpClient client, String cacheHeader, String expenses, String cacheControl)
            throws Exception {
        Response response = get(client, MARCH, request -> {
            if (cacheControl != null) {
                request.header("Cache-Control", cacheControl);
            }
        });
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.headers().get("X-Cache")).containsExactly(cacheHeader);
        assertThat(json(response).get("expenses").asText()).isEqualTo(expenses);
    }

    @Test
    @DisplayName("over the token's limit: 429 with Retry-After and the error shape, counted in metrics")
    void shouldRefuseOverTheLimitWith429() {
        JavalinTest.test(app(2), (server, client) -> {
            String token = TestApi.token("alice");
            for (int i = 0; i < 2; i++) {
                assertThat(client.get(MARCH, request -> request.header("Authorization", "Bearer " + token)).code())
                        .isEqualTo(200);
            }

            Response refused = client.get(MARCH, request -> request.header("Authorization", "Bearer " + token));

            assertThat(refused.code()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().get("Retry-After").get(0))).isBetween(1L, 60L);
            assertThat(json(refused).get("error").asText()).isEqualTo("too_many_requests");
            assertThat(json(refused).get("detail").asText()).contains("too many requests");
            assertThat(client.get(MARCH, request -> request.header("Authorization", "Bearer " + TestApi.token("alice")))
                    .code()).as("another token").isEqualTo(200);
            assertThat(client.get("/metrics").body().string())
                    .contains("ledgerstream_api_rate_limit_total{result=\"refused\"} 1.0");
        });
    }

    @Test
    @DisplayName("a request a peer forwarded is not counted again; one that only claims to be is")
    void shouldNotCountARequestAPeerForwarded() {
        String mark = TestApi.TOKENS.forwardingMark();
        HostInfo self = new HostInfo("127.0.0.1", 1);
        OwnerRouting owner = new ForwardingRouting((store, user) -> new KeyLocation(OptionalInt.of(0), Optional.of(self),
                Set.of()), self, Duration.ofSeconds(1), mark);
        JavalinTest.test(app(1, owner), (server, client) -> {
            String token = TestApi.token("alice");
            for (int i = 0; i < 3; i++) {
                assertThat(client.get(MARCH, request -> request.header("Authorization", "Bearer " + token)
                        .header(OwnerRouting.FORWARDED_HEADER, mark)).code()).as("forwarded %d", i).isEqualTo(200);
            }
            assertThat(client.get(MARCH, request -> request.header("Authorization", "Bearer " + token)
                    .header(OwnerRouting.FORWARDED_HEADER, "true")).code()).isEqualTo(200);
            assertThat(client.get(MARCH, request -> request.header("Authorization", "Bearer " + token)
                    .header(OwnerRouting.FORWARDED_HEADER, "true")).code()).isEqualTo(429);
        });
    }

    private Javalin app(int limitPerMinute) {
        OwnerRouting countingLocalAnswers = (ctx, store, user) -> {
            localAnswers.incrementAndGet();
            return false;
        };
        return app(limitPerMinute, countingLocalAnswers);
    }

    private Javalin app(int limitPerMinute, OwnerRouting routing) {
        return TestApi.app(reader, new RecordingPublisher(), routing, KafkaStreams.State.RUNNING,
                TestApi.auth(false), cache,
                new RateLimiter(redis, prefix, limitPerMinute, Duration.ofMinutes(1), TestApi.FIXED_CLOCK, meters), meters,
                new LiveAlerts());
    }
}
