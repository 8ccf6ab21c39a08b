package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.api.query.InteractiveQueryReader;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.query.StreamsKeyLocator;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances, one of them a separate JVM that the test kills with SIGKILL and restarts. Every
 * instance answers every user correctly; while the killed instance's partitions are still assigned
 * to it, its users get 503 + Retry-After, or the standby's copy to a caller who allows stale reads;
 * through both rebalances every answer is either exactly right or a 503 with Retry-After.
 */
class ThreeInstanceTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /**
     * The killed instance is noticed after this, the default; long enough to look at its users
     * meanwhile (a second or two).
     */
    private static final String KILLED_SESSION_TIMEOUT_MS = Integer.toString(StreamsSettings.SESSION_TIMEOUT_MS);

    @TempDir
    Path dir;

    @Test
    @DisplayName("three instances answer every user, through a kill -9 and a restart, stale only where allowed")
    void shouldAnswerEveryUserFromEveryInstanceThroughAKillAndARestart() throws Exception {
        LedgerstreamConfig base = TestStack.config("three", dir.resolve("unused"));
        Pipeline pipeline = Pipeline.provision(base);
        assertThat(Scenarios.cli(base, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        StatementScenario scenario = new StatementScenario(23, 9, 120, YearMonth.of(2026, 2), 2);
        Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected = GroundTruth.summaries(scenario, Scenarios.RATES);

        LedgerstreamConfig cConfig = TestStack.instance(base, dir, "c");
        AppProcess c = AppProcess.start(cConfig, dir.resolve("c.log"), KILLED_SESSION_TIMEOUT_MS);
        LedgerstreamConfig aConfig = TestStack.instance(base, dir, "a");
        try (LedgerstreamApp a = new LedgerstreamApp(aConfig, pipeline.catalog()).start();
             LedgerstreamApp b = new LedgerstreamApp(TestStack.instance(base, dir, "b"), pipeline.catalog()).start()) {
            HostInfo cHost = HostInfo.buildFromEndpoint(cConfig.applicationServer().orElseThrow());
            List<ApiClient> apis = List.of(new ApiClient(a.apiUrl()), new ApiClient(b.apiUrl()),
                    new ApiClient("http://" + cHost.host() + ":" + cHost.port()));
            // all three in the group, each with active tasks, before there is any state: a member that
            // joins later gets only warm-up copies until a probing rebalance, minutes later
            await().alias("three instances RUNNING, each with active tasks").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> a.streams().metadataForAllStreamsClients().stream()
                            .filter(client -> !client.topicPartitions().isEmpty()).count() == 3);
            Scenarios.importAll(base, scenario, dir).forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());

            // Then: every instance answers every user
            for (ApiClient api : apis) {
                await().alias("every summary from " + api).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
            }
            List<String> usersOnC = expected.keySet().stream()
                    .filter(user -> cHost.equals(owner(a, user).activeHost())).toList();
            assertThat(usersOnC).as("users whose partition is active on the instance to be killed").isNotEmpty();
            await().alias("standbys of c's partitions on a or b").atMost(TIMEOUT).until(() -> usersOnC.stream()
                    .allMatch(user -> !owner(a, user).standbyHosts().isEmpty()));

            // Then: a standby answers only a read that allows it, all caught up (nothing is being written)
            String onC = usersOnC.getFirst();
            HostInfo standbyHost = owner(a, onC).standbyHosts().iterator().next();
            LedgerstreamApp standby = HostInfo.buildFromEndpoint(aConfig.applicationServer().orElseThrow())
                    .equals(standbyHost) ? a : b;
            UserStateReader activeOnly = new InteractiveQueryReader(standby.streams(),
                    new StreamsKeyLocator(standby.streams(), true), standby.openStores());
            assertThatThrownBy(() -> activeOnly.months(onC)).as("a standby's copy read as if it were the active task")
                    .isInstanceOf(StateNotQueryableException.class).hasMessageContaining("NOT_ACTIVE");
            assertThat(activeOnly.includingStandbys().months(onC)).extracting(MonthlySummary::getMonth)
                    .containsExactlyElementsOf(expected.get(onC).keySet().stream().map(YearMonth::toString).toList());

            // When: c is killed, while two clients keep reading every user from a and b
            Reads reads = Reads.start(apis.subList(0, 2), expected);
            long killedAt = System.nanoTime();
            c.kill();

            // Then, before the group notices: c's users are refused, unless the caller takes a standby's
            // copy; a summary the shared cache holds is still answered, exactly (c can commit nothing newer)
            String user = usersOnC.getFirst();
            YearMonth month = expected.get(user).firstKey();
            String transactions = "/api/v1/users/" + user + "/transactions?from=" + month.atDay(1) + "&to="
                    + month.atEndOfMonth() + "&limit=500";
            ApiClient.Reply refused = apis.get(0).get(transactions);
            assertThat(refused.status()).as("without allowStale: %s", refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.body().path("detail").asText()).contains("allowStale=true");
            ApiClient.Reply stale = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> apis.get(0).get(transactions + "&allowStale=true"), reply -> reply.status() == 200);
            assertThat(stale.header("X-Ledgerstream-Stale")).isEqualTo("true");
            assertThat(stale.body().path("transactions").size()).as("the standby's copy, all caught up")
                    .isEqualTo(expected.get(user).get(month).transactionCount());
            ApiClient.Reply cached = apis.get(1).get("/api/v1/users/" + user + "/summary?month=" + month);
            assertThat(cached.status()).isEqualTo(200);
            assertThat(cached.header("X-Cache")).isEqualTo("hit");
            assertThat(Scenarios.summaryOf(cached.body())).isEqualTo(expected.get(user).get(month));

            // Then: once the group has moved c's partitions to their standbys, a and b answer c's users
            // from active tasks again (transactions: not cached, so this is the failover, not the cache)
            for (String moved : usersOnC) {
                for (ApiClient api : apis.subList(0, 2)) {
                    YearMonth first = expected.get(moved).firstKey();
                    String path = "/api/v1/users/" + moved + "/transactions?from=" + first.atDay(1) + "&to="
                            + first.atEndOfMonth() + "&limit=500";
                    ApiClient.Reply reply = await().alias(moved + " from " + api + " after the failover")
                            .atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                            .until(() -> api.get(path), r -> r.status() == 200);
                    assertThat(reply.header("X-Ledgerstream-Stale")).isNull();
                    assertThat(reply.body().path("transactions").size())
                            .isEqualTo(expected.get(moved).get(first).transactionCount());
                }
            }
            long failoverMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            System.out.printf("three instances: c killed; a and b answered all of its users from active tasks again"
                    + " after %d ms (session timeout of the killed member %s ms)%n", failoverMillis,
                    KILLED_SESSION_TIMEOUT_MS);
            // the rebalance may still be moving other partitions: a 503 is no answer, anything else must be right
            for (ApiClient api : apis.subList(0, 2)) {
                await().alias("every summary from " + api + " after the failover").atMost(TIMEOUT)
                        .pollInterval(Duration.ofMillis(250)).ignoreException(Scenarios.Unavailable.class)
                        .untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
            }

            // When: c comes back on its state, and the group rebalances again
            c = AppProcess.start(cConfig, dir.resolve("c-restarted.log"), KILLED_SESSION_TIMEOUT_MS);
            ApiClient restartedC = apis.get(2);
            await().alias("every summary from the restarted c").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().untilAsserted(() -> Scenarios.assertApiEquals(restartedC, expected));
            reads.stop();

            // Then: through both rebalances, nothing but right answers and 503s with Retry-After
            System.out.printf("three instances: %d reads during the rebalances: %d right, %d unavailable%n",
                    reads.total(), reads.right.get(), reads.unavailable.get());
            assertThat(reads.wrong).as("wrong answers while rebalancing").isEmpty();
            assertThat(reads.right.get()).isPositive();
        } finally {
            c.kill();
        }
    }

    private static KeyQueryMetadata owner(LedgerstreamApp app, String user) {
        return app.streams().queryMetadataForKey(StoreNames.MONTHLY_SUMMARIES, user, Serdes.String().serializer());
    }


    /** Clients reading every user's summaries in a loop, sorting each answer. */
    private static final class Reads {
        final AtomicLong right = new AtomicLong();
        final AtomicLong unavailable = new AtomicLong();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        static Reads start(List<ApiClient> apis, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected) {
            Reads reads = new Reads();
            for (ApiClient api : apis) {
                reads.threads.add(Thread.ofPlatform().daemon().start(() -> reads.loop(api, expected)));
            }
            return reads;
        }

        private void loop(ApiClient api, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected) {
            while (running.get()) {
                expected.forEach((user, months) -> months.forEach((month, truth) -> {
                    ApiClient.Reply reply = api.get("/api/v1/users/" + user + "/summary?month=" + month);
                    if (reply.status() == 200 && Scenarios.summaryOf(reply.body()).equals(truth)) {
                        right.incrementAndGet();
                    } else if (reply.status() == 503 && reply.header("Retry-After") != null) {
                        unavailable.incrementAndGet();
                    } else {
                        wrong.add(user + " " + month + ": " + reply.status() + " " + reply.body());
                    }
                }));
            }
        }

        long total() {
            return right.get() + unavailable.get() + wrong.size();
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
