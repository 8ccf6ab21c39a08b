package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static io.ledgerstream.api.testing.TestApi.putRaw;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsRoutesTest {

    private static final String PATH = "/api/v1/users/alice/settings";

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void shouldPublishSettingsWithAmountsAtTheAvroScaleAndAnswer202() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = putRaw(client, PATH, """
                    {"baseCurrency": "EUR", "timeZone": "Europe/Berlin", "largeTransactionThreshold": "500",
                     "budgets": {"FOOD_AND_DRINK": "400.50", "ENTERTAINMENT": "0"}}""");

            assertThat(response.code()).isEqualTo(202);
            assertThat(json(response).get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(publisher.settings).containsExactly(UserSettings.newBuilder()
                    .setUserId("alice")
                    .setBaseCurrency("EUR")
                    .setTimeZone("Europe/Berlin")
                    .setLargeTransactionThreshold(new BigDecimal("500.0000"))
                    .setBudgets(Map.of("FOOD_AND_DRINK", new BigDecimal("400.5000"),
                            "ENTERTAINMENT", new BigDecimal("0.0000")))
                    .setUpdatedAt(TestApi.NOW)
                    .build());
        });
    }

    @Test
    void shouldAnswerTheSettingsInTheShapeOfThePutBody() {
        FakeUserStateReader reader = new FakeUserStateReader().withSettings(UserSettings.newBuilder()
                .setUserId("alice").setBaseCurrency("EUR").setTimeZone("Europe/Berlin")
                .setLargeTransactionThreshold(new BigDecimal("500.0000"))
                .setBudgets(Map.of("FOOD_AND_DRINK", new BigDecimal("400.5000")))
                .setNotifications(NotificationSettings.newBuilder().setEmail("alice@example.org")
                        .setMinSeverity(Severity.WARNING).setQuietHoursFrom(22).setQuietHoursTo(7).build())
                .setUpdatedAt(TestApi.NOW).build());
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, PATH);

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response)).isEqualTo(json("""
                    {"baseCurrency": "EUR", "timeZone": "Europe/Berlin", "largeTransactionThreshold": "500.00",
                     "budgets": {"FOOD_AND_DRINK": "400.50"},
                     "notifications": {"webhookUrl": null, "email": "alice@example.org", "minSeverity": "WARNING",
                                       "quietHoursFrom": 22, "quietHoursTo": 7}}"""));
            assertThat(get(client, "/api/v1/users/bob/settings").code()).as("no settings").isEqualTo(404);
        });
    }

    @Test
    void shouldLeaveThresholdAndBudgetsOutWhenNotGiven() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = putRaw(client, PATH, """
                    {"baseCurrency": "JPY", "timeZone": "Asia/Tokyo"}""");

            assertThat(response.code()).isEqualTo(202);
            UserSettings settings = publisher.settings.getFirst();
            assertThat(settings.getLargeTransactionThreshold()).isNull();
            assertThat(settings.getBudgets()).isEmpty();
        });
    }

    @Test
    void shouldPublishWhereAndWhenAlertsAreSent() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = putRaw(client, PATH, """
                    {"baseCurrency": "EUR", "timeZone": "Europe/Berlin",
                     "notifications": {"webhookUrl": "https://hooks.example.com/ledger", "email": "alice@example.com",
                                       "minSeverity": "warning", "quietHoursFrom": 22, "quietHoursTo": 7}}""");

            assertThat(response.code()).isEqualTo(202);
            assertThat(publisher.settings.getFirst().getNotifications()).isEqualTo(NotificationSettings.newBuilder()
                    .setWebhookUrl("https://hooks.example.com/ledger")
                    .setEmail("alice@example.com")
                    .setMinSeverity(Severity.WARNING)
                    .setQuietHoursFrom(22)
                    .setQuietHoursTo(7)
                    .build());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"baseCurrency\": \"EURO\", \"timeZone\": \"UTC\"}",
            "{\"baseCurrency\": \"eur\", \"timeZone\": \"UTC\"}",
            "{\"baseCurrency\": \"ABC\", \"timeZone\": \"UTC\"}",
            "{\"baseCurrency\": \"XAU\", \"timeZone\": \"UTC\"}",
            "{\"timeZone\": \"UTC\"}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"Mars/Olympus_Mons\"}",
            "{\"baseCurrency\": \"EUR\"}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"largeTransactionThreshold\": 500}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"largeTransactionThreshold\": \"1e3\"}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"largeTransactionThreshold\": \"0\"}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"largeTransactionThreshold\": \"-5\"}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"largeTransactionThreshold\": \"10.001\"}",
            "{\"baseCurrency\": \"JPY\", \"timeZone\": \"UTC\", \"budgets\": {\"TRAVEL\": \"10.5\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"budgets\": {\"GROCERIES\": \"100\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"budgets\": {\"TRAVEL\": 100.0}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"budgets\": {\"TRAVEL\": \"lots\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"budget\": {}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"webhookUrl\": \"ftp://x.example\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"webhookUrl\": \"not a url\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"email\": \"alice.example.com\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"minSeverity\": \"LOUD\"}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"quietHoursFrom\": 22}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"quietHoursFrom\": 22, \"quietHoursTo\": 24}}",
            "{\"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", \"notifications\": {\"pager\": \"555\"}}",
            "not json"})
    void shouldRejectInvalidSettingsWithoutPublishing(String body) {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = putRaw(client, PATH, body);

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
            assertThat(publisher.settings).isEmpty();
        });
    }

    @Test
    void shouldSayWhichCurrencyIsUnknown() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = putRaw(client, PATH, """
                    {"baseCurrency": "ABC", "timeZone": "UTC"}""");

            assertThat(json(response).get("detail").asText()).contains("ABC").contains("ISO 4217");
        });
    }
}
