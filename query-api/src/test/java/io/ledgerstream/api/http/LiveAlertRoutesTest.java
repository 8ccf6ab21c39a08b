package io.ledgerstream.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.Fixtures;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@code GET …/alerts/live}: server-sent events of the user's new alerts, and only theirs. */
class LiveAlertRoutesTest {

    private final LiveAlerts live = new LiveAlerts();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldStreamTheUsersNewAlertsAsServerSentEvents() {
        JavalinTest.test(app(), (server, client) -> {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + server.port() + "/api/v1/users/alice/alerts/live"))
                    .header("Authorization", "Bearer " + TestApi.token("alice"))
                    .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
            assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the greeting comment").startsWith(":");
            Awaitility.await().until(() -> live.listeners() == 1);

            live.deliver(Fixtures.alert("bob", "bobs-alert", Instant.parse("2026-03-15T10:00:00Z")));
            live.deliver(Fixtures.alert("alice", "alices-alert", Instant.parse("2026-03-15T10:00:01Z")));

            List<String> event = nextEvent(lines);
            assertThat(event).contains("event: alert", "id: alices-alert");
            assertThat(event).filteredOn(line -> line.startsWith("data: ")).singleElement().asString()
                    .contains("\"alertId\":\"alices-alert\"").contains("\"createdAt\":\"2026-03-15T10:00:01Z\"");
            assertThat(lines).as("nothing of bob's").noneMatch(line -> line.contains("bobs-alert"));
        });
    }

    @Test
    void shouldRefuseListenersWithoutTheUsersToken() {
        JavalinTest.test(app(), (server, client) -> {
            assertThat(client.get("/api/v1/users/alice/alerts/live").code()).isEqualTo(401);
            assertThat(client.get("/api/v1/users/alice/alerts/live",
                    request -> request.header("Authorization", "Bearer " + TestApi.token("bob"))).code()).isEqualTo(403);
            assertThat(live.listeners()).isZero();
        });
    }

    /** The lines of the next event (comments skipped), up to the blank line that ends it. */
    private static List<String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        List<String> event = new ArrayList<>();
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a line within 10 s").isNotNull();
            if (line.isEmpty() && !event.isEmpty()) {
                return event;
            }
            if (!line.isEmpty() && !line.startsWith(":")) {
                event.add(line);
            }
        }
    }

    private Javalin app() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return TestApi.app(new FakeUserStateReader(), new RecordingPublisher(), OwnerRouting.localOnly(),
                KafkaStreams.State.RUNNING, TestApi.auth(false), new ResponseCache(SharedRedis.none(), "test", meters),
                new RateLimiter(SharedRedis.none(), "test", 0, Duration.ofMinutes(1), Clock.systemUTC(), meters), meters,
                live);
    }
}
