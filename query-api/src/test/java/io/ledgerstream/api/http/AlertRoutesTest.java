package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.Fixtures.alert;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertRoutesTest {

    private final FakeUserStateReader reader = new FakeUserStateReader().withAlerts("alice",
            alert("alice", "a-2", Instant.parse("2026-03-05T09:00:00Z")),
            alert("alice", "a-1", Instant.parse("2026-03-04T18:30:00Z")));

    @Test
    void shouldListAlertsAsTheReaderOrdersThemWithMoneyAsString() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/alerts");

            assertThat(response.code()).isEqualTo(200);
            JsonNode alerts = json(response).get("alerts");
            assertThat(alerts).extracting(a -> a.get("alertId").asText()).containsExactly("a-2", "a-1");
            JsonNode newest = alerts.get(0);
            assertThat(newest.get("type").asText()).isEqualTo("LARGE_TRANSACTION");
            assertThat(newest.get("severity").asText()).isEqualTo("WARNING");
            assertThat(newest.get("transactionId").asText()).isEqualTo("t-a-2");
            assertThat(newest.get("bookedAt").asText()).isEqualTo("2026-03-04");
            assertThat(newest.get("amount").asText()).isEqualTo("-1250.50");
            assertThat(newest.get("currency").asText()).isEqualTo("EUR");
            assertThat(newest.get("merchant").asText()).isEqualTo("Apple Store");
            assertThat(newest.get("createdAt").asText()).isEqualTo("2026-03-05T09:00:00Z");
            assertThat(newest.get("month").isNull()).isTrue();
            assertThat(newest.get("category").isNull()).isTrue();
        });
    }

    @Test
    void shouldShowTheMonthAndCategoryABudgetAlertConcerns() {
        Alert budget = alert("bob", "b-1", Instant.parse("2026-03-20T10:00:00Z"));
        budget.setType(AlertType.BUDGET_THRESHOLD);
        budget.setMonth("2026-03");
        budget.setCategory(Category.FOOD_AND_DRINK);
        JavalinTest.test(TestApi.app(new FakeUserStateReader().withAlerts("bob", budget)), (server, client) -> {
            JsonNode only = json(get(client, "/api/v1/users/bob/alerts")).get("alerts").get(0);

            assertThat(only.get("type").asText()).isEqualTo("BUDGET_THRESHOLD");
            assertThat(only.get("month").asText()).isEqualTo("2026-03");
            assertThat(only.get("category").asText()).isEqualTo("FOOD_AND_DRINK");
        });
    }

    @Test
    void shouldPassTheLimitToTheReader() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(json(get(client, "/api/v1/users/alice/alerts?limit=1")).get("alerts")).hasSize(1);
            assertThat(reader.lastLimit).isEqualTo(1);
        });
    }

    @Test
    void shouldRejectABadLimit() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/alice/alerts?limit=1000").code()).isEqualTo(400);
        });
    }
}
