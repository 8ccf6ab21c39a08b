package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.MonthlySummary;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightRoutesTest {

    private static MonthlySummary month(String month, String food) {
        BigDecimal amount = new BigDecimal(food).setScale(4);
        return MonthlySummary.newBuilder().setUserId("alice").setMonth(month).setCurrency("EUR")
                .setIncome(BigDecimal.ZERO.setScale(4)).setExpenses(amount).setTransactionCount(3)
                .setByCategory(Map.of("FOOD_AND_DRINK", amount)).setEssential(amount)
                .setDiscretionary(BigDecimal.ZERO.setScale(4)).build();
    }

    private final FakeUserStateReader reader = new FakeUserStateReader()
            .withMonths("alice", month("2026-01", "100"), month("2026-02", "150"));

    @Test
    void shouldSpeakOfTheLatestMonthUnlessAnotherIsAsked() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            JsonNode latest = json(get(client, "/api/v1/users/alice/insights"));
            JsonNode january = json(get(client, "/api/v1/users/alice/insights?month=2026-01"));

            assertThat(latest.get("month").asText()).isEqualTo("2026-02");
            JsonNode change = latest.get("insights").get(1);
            assertThat(change.get("kind").asText()).isEqualTo("CATEGORY_CHANGE");
            assertThat(change.get("message").asText())
                    .isEqualTo("Food and drink: 150.00 EUR in 2026-02, up 50.00 EUR (+50%) on 2026-01");
            assertThat(change.get("category").asText()).isEqualTo("FOOD_AND_DRINK");
            assertThat(change.get("amount").asText()).isEqualTo("50.00");
            assertThat(change.get("currency").asText()).isEqualTo("EUR");
            assertThat(january.get("month").asText()).isEqualTo("2026-01");
        });
    }

    @Test
    void shouldAnswer404ForAnUnknownUserAnd400ForABadMonth() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/nobody/insights").code()).isEqualTo(404);
            assertThat(get(client, "/api/v1/users/alice/insights?month=2026-13").code()).isEqualTo(400);
        });
    }
}
