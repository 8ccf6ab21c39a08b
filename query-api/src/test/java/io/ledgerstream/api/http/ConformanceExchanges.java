package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.Fixtures.alert;
import static io.ledgerstream.api.testing.Fixtures.summary;
import static io.ledgerstream.api.testing.Fixtures.transaction;

import io.javalin.Javalin;
import io.javalin.testtools.Response;
import io.ledgerstream.api.http.ApiExchange.Answer;
import io.ledgerstream.api.http.ApiExchange.Caller;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.UserSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** The apps over fakes that {@link OpenApiConformanceTest} calls: realistic data, and each way to fail. */
final class ConformanceExchanges {

    static final String CREDENTIALS = "{\"userId\": \"carol\", \"password\": \"correct horse battery\"}";

    private ConformanceExchanges() {
    }

    /** Alice has two months, transactions, alerts, recurring payments and settings; nobody else has anything. */
    static FakeUserStateReader aliceWithData() {
        return new FakeUserStateReader()
                .withMonths("alice",
                        summary("alice", "2026-02", "EUR", "2500", "1234.56", Map.of("FOOD_AND_DRINK", "321.1")),
                        summary("alice", "2026-03", "EUR", "100.05", "250", Map.of(
                                "RENT_AND_UTILITIES", "200", "FOOD_AND_DRINK", "50")))
                .withTransactions("alice",
                        transaction("alice", "t-2", "2026-03-04", "-12.5", "GBP", "-14.62", "EUR"),
                        transaction("alice", "t-1", "2026-03-01", "-40", "EUR", "-40", "EUR"))
                .withAlerts("alice", alert("alice", "a-1", Instant.parse("2026-03-04T09:00:00Z")))
                .withRecurring("alice", new PaymentSeries("Netflix", Category.ENTERTAINMENT, "EUR",
                        List.of(new SeriesPayment("t-netflix", LocalDate.parse("2026-03-05"), new BigDecimal("15.9900"))),
                        "MONTHLY", new BigDecimal("15.9900"), LocalDate.parse("2026-04-05"), null))
                .withSettings(UserSettings.newBuilder()
                        .setUserId("alice").setBaseCurrency("EUR").setTimeZone("Europe/Berlin")
                        .setLargeTransactionThreshold(new BigDecimal("500.0000"))
                        .setBudgets(Map.of("FOOD_AND_DRINK", new BigDecimal("400.5000")))
                        .setNotifications(NotificationSettings.newBuilder().setEmail("alice@example.org")
                                .setMinSeverity(Severity.WARNING).setQuietHoursFrom(22).setQuietHoursTo(7).build())
                        .setUpdatedAt(TestApi.NOW).build());
    }

    /** Alice's data; registration open to anyone; no rate limit. */
    static Javalin app() {
        FakeUserStateReader reader = aliceWithData();
        return TestApi.app(reader, new RecordingPublisher().applyingAccountsTo(reader), OwnerRouting.localOnly(),
                KafkaStreams.State.RUNNING, TestApi.auth(true));
    }

    /** Registration only by an admin. */
    static Javalin adminRegistrationApp() {
        FakeUserStateReader reader = aliceWithData();
        return TestApi.app(reader, new RecordingPublisher().applyingAccountsTo(reader), OwnerRouting.localOnly(),
                KafkaStreams.State.RUNNING, TestApi.auth(false));
    }

    /** Every read of the stores fails as while Streams rebalances, and the broker takes no command. */
    static Javalin unavailableApp() {
        return TestApi.app(new FakeUserStateReader().failingWith(
                        new StateNotQueryableException("Kafka Streams is REBALANCING, not RUNNING")),
                new RecordingPublisher().withBrokerDown(), OwnerRouting.localOnly(), KafkaStreams.State.REBALANCING,
                TestApi.auth(true));
    }

    /** One request a minute per token. */
    static Javalin limitedApp() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return TestApi.app(aliceWithData(), new RecordingPublisher(), OwnerRouting.localOnly(),
                KafkaStreams.State.RUNNING, TestApi.auth(true), new ResponseCache(SharedRedis.none(), "test", meters),
                new RateLimiter(SharedRedis.none(), "test", 1, Duration.ofMinutes(1), TestApi.FIXED_CLOCK, meters), meters,
                new LiveAlerts());
    }

    /** Sends {@code method} to {@code path} twice with one token of alice's; answers the second, over the limit. */
    static Answer twiceWithOneToken(Caller caller, String method, String path, String body) {
        String token = TestApi.token("alice");
        Response response = null;
        for (int i = 0; i < 2; i++) {
            response = caller.client().request(path, request -> {
                request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
                switch (method) {
                    case "GET" -> request.get();
                    case "POST" -> request.post(java.net.http.HttpRequest.BodyPublishers.ofString(body));
                    case "PUT" -> request.put(java.net.http.HttpRequest.BodyPublishers.ofString(body));
                    default -> throw new IllegalArgumentException(method);
                }
            });
        }
        return caller.answer(response);
    }
}
