package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.Fixtures.summary;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryRoutesTest {

    private final FakeUserStateReader reader = new FakeUserStateReader()
            .withMonths("alice",
                    summary("alice", "2026-02", "EUR", "2500", "1234.56", Map.of("FOOD_AND_DRINK", "321.1")),
                    summary("alice", "2026-03", "EUR", "100.05", "250", Map.of(
                            "RENT_AND_UTILITIES", "200", "FOOD_AND_DRINK", "50")))
            .withMonths("kenji", summary("kenji", "2026-03", "JPY", "300000", "12345", Map.of()));

    @Test
    void shouldAnswerSummaryWithMoneyAsDecimalStringsAtTheCurrencysMinorUnit() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/summary?month=2026-02");

            assertThat(response.code()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("userId").asText()).isEqualTo("alice");
            assertThat(body.get("month").asText()).isEqualTo("2026-02");
            assertThat(body.get("currency").asText()).isEqualTo("EUR");
            assertThat(body.get("income").isTextual()).isTrue();
            assertThat(body.get("income").asText()).isEqualTo("2500.00");
            assertThat(body.get("expenses").asText()).isEqualTo("1234.56");
            assertThat(body.get("net").asText()).isEqualTo("1265.44");
            assertThat(body.get("transactionCount").asLong()).isEqualTo(7);
            assertThat(body.get("byCategory").get("FOOD_AND_DRINK").asText()).isEqualTo("321.10");
            assertThat(body.get("essential").asText()).isEqualTo("800.00");
            assertThat(body.get("discretionary").asText()).isEqualTo("434.56");
        });
    }

    @Test
    void shouldAnswerNegativeNetWhenExpensesExceedIncome() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            JsonNode body = json(get(client, "/api/v1/users/alice/summary?month=2026-03"));

            assertThat(body.get("net").asText()).isEqualTo("-149.95");
            assertThat(body.get("byCategory").fieldNames()).toIterable()
                    .containsExactly("FOOD_AND_DRINK", "RENT_AND_UTILITIES");
        });
    }

    @Test
    void shouldFormatACurrencyWithoutMinorUnitsWithoutDecimals() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            JsonNode body = json(get(client, "/api/v1/users/kenji/summary?month=2026-03"));

            assertThat(body.get("income").asText()).isEqualTo("300000");
            assertThat(body.get("net").asText()).isEqualTo("287655");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"month=2026-13", "month=2026-00", "month=2026-3", "month=１２３４-05", "month=march", "month=2026-03-01", "month=", ""})
    void shouldRejectMissingOrMalformedMonth(String query) {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/summary?" + query);

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
            assertThat(json(response).get("detail").asText()).contains("month");
        });
    }

    @Test
    void shouldRejectUserIdContainingTheKeySeparator() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/al%7Cice/summary?month=2026-03");

            assertThat(response.code()).isEqualTo(400);
        });
    }

    @Test
    void shouldAnswer404ForAMonthWithoutSummary() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/summary?month=2025-12");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).get("error").asText()).isEqualTo("not_found");
            assertThat(json(response).get("detail").asText()).contains("2025-12");
        });
    }

    @Test
    void shouldAnswer404ForAnUnknownUsersSummaryAndMonths() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/nobody/summary?month=2026-03").code()).isEqualTo(404);
            Response months = get(client, "/api/v1/users/nobody/months");
            assertThat(months.code()).isEqualTo(404);
            assertThat(json(months).get("detail").asText()).contains("nobody");
        });
    }

    @Test
    void shouldListMonthsOldestFirstWithIncomeExpensesAndNet() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/months");

            assertThat(response.code()).isEqualTo(200);
            JsonNode months = json(response).get("months");
            assertThat(months).hasSize(2);
            assertThat(months.get(0).get("month").asText()).isEqualTo("2026-02");
            assertThat(months.get(0).get("income").asText()).isEqualTo("2500.00");
            assertThat(months.get(0).get("expenses").asText()).isEqualTo("1234.56");
            assertThat(months.get(0).get("net").asText()).isEqualTo("1265.44");
            assertThat(months.get(1).get("month").asText()).isEqualTo("2026-03");
            assertThat(months.get(1).get("net").asText()).isEqualTo("-149.95");
        });
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileStateIsNotQueryable() {
        reader.failingWith(new StateNotQueryableException("Kafka Streams is REBALANCING, not RUNNING"));
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/summary?month=2026-03");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("error").asText()).isEqualTo("state_unavailable");
            assertThat(json(response).get("detail").asText()).contains("REBALANCING");
        });
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenAStoreIsMigrating() {
        reader.failingWith(new InvalidStateStoreException("the state store, monthly-summaries, may have migrated"));
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/months");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
        });
    }

    @Test
    void shouldCheckTheMonthBeforeAskingTheStores() {
        reader.failingWith(new StateNotQueryableException("not RUNNING"));
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/alice/summary?month=nope").code()).isEqualTo(400);
        });
    }
}
