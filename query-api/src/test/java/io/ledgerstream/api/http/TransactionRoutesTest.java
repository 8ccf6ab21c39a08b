package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.Fixtures.transaction;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionRoutesTest {

    private final FakeUserStateReader reader = new FakeUserStateReader().withTransactions("alice",
            transaction("alice", "t-3", "2026-03-05", "-5000", "JPY", "-31.25", "EUR"),
            transaction("alice", "t-2", "2026-03-04", "-12.34", "EUR", "-12.34", "EUR"),
            transaction("alice", "t-1", "2026-03-01", "2500", "EUR", "2500", "EUR"));

    @Test
    void shouldListTransactionsNewestFirstWithEveryField() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/transactions");

            assertThat(response.code()).isEqualTo(200);
            JsonNode transactions = json(response).get("transactions");
            assertThat(transactions).extracting(t -> t.get("transactionId").asText())
                    .containsExactly("t-3", "t-2", "t-1");
            JsonNode second = transactions.get(1);
            assertThat(second.get("accountId").asText()).isEqualTo("acc-1");
            assertThat(second.get("bookedAt").asText()).isEqualTo("2026-03-04");
            assertThat(second.get("amount").asText()).isEqualTo("-12.34");
            assertThat(second.get("currency").asText()).isEqualTo("EUR");
            assertThat(second.get("baseAmount").asText()).isEqualTo("-12.34");
            assertThat(second.get("baseCurrency").asText()).isEqualTo("EUR");
            assertThat(second.get("description").asText()).isEqualTo("CARD ****3297 TESCO STORES");
            assertThat(second.get("merchant").asText()).isEqualTo("Tesco");
            assertThat(second.get("mcc").asText()).isEqualTo("5411");
            assertThat(second.get("category").asText()).isEqualTo("FOOD_AND_DRINK");
            assertThat(second.get("subcategory").asText()).isEqualTo("GROCERIES");
            assertThat(second.get("categorySource").asText()).isEqualTo("MCC");
            assertThat(second.get("categoryConfidence").asDouble()).isEqualTo(1.0);
            assertThat(second.get("modelVersion").isNull()).isTrue();
            assertThat(second.get("essential").asBoolean()).isTrue();
        });
    }

    @Test
    void shouldSayWhichModelDecidedAndHowSureItWas() {
        EnrichedTransaction byModel = transaction("bob", "t-9", "2026-03-05", "-9.50", "EUR", "-9.50", "EUR");
        byModel.setCategorySource(CategorySource.MODEL);
        byModel.setCategoryConfidence(0.8125);
        byModel.setModelVersion("2026-11-24T04:00:00Z");
        FakeUserStateReader modelled = new FakeUserStateReader().withTransactions("bob", byModel);
        JavalinTest.test(TestApi.app(modelled), (server, client) -> {
            JsonNode only = json(get(client, "/api/v1/users/bob/transactions")).get("transactions").get(0);

            assertThat(only.get("categorySource").asText()).isEqualTo("MODEL");
            assertThat(only.get("categoryConfidence").asDouble()).isEqualTo(0.8125);
            assertThat(only.get("modelVersion").asText()).isEqualTo("2026-11-24T04:00:00Z");
        });
    }

    @Test
    void shouldFormatAmountAndBaseAmountEachInItsOwnCurrency() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            JsonNode first = json(get(client, "/api/v1/users/alice/transactions")).get("transactions").get(0);

            assertThat(first.get("amount").asText()).isEqualTo("-5000");
            assertThat(first.get("baseAmount").asText()).isEqualTo("-31.25");
        });
    }

    @Test
    void shouldAskForFiftyTransactionsWithoutALimit() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            get(client, "/api/v1/users/alice/transactions");

            assertThat(reader.lastLimit).isEqualTo(50);
            assertThat(reader.lastFrom).isEmpty();
            assertThat(reader.lastTo).isEmpty();
        });
    }

    @Test
    void shouldPassDateRangeAndLimitToTheReader() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/transactions?from=2026-03-02&to=2026-03-31&limit=2");

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).get("transactions")).hasSize(2);
            assertThat(reader.lastFrom).isEqualTo(Optional.of(LocalDate.of(2026, 3, 2)));
            assertThat(reader.lastTo).isEqualTo(Optional.of(LocalDate.of(2026, 3, 31)));
            assertThat(reader.lastLimit).isEqualTo(2);
        });
    }

    @Test
    void shouldAcceptTheLargestLimit() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/alice/transactions?limit=500").code()).isEqualTo(200);
            assertThat(reader.lastLimit).isEqualTo(500);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=-1", "limit=ten", "limit=1.5", "limit=99999999999"})
    void shouldRejectALimitOutsideOneToFiveHundred(String query) {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/transactions?" + query);

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).get("detail").asText()).contains("limit");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2026-02-30", "from=03/04/2026", "to=2026-3-4", "from=2026-03-05&to=2026-03-04"})
    void shouldRejectMalformedOrInvertedDates(String query) {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            assertThat(get(client, "/api/v1/users/alice/transactions?" + query).code()).isEqualTo(400);
        });
    }

    @Test
    void shouldAnswerAnEmptyListForAUserWithoutTransactions() {
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/bob/transactions");

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).get("transactions")).isEmpty();
        });
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileStateIsNotQueryable() {
        reader.failingWith(new StateNotQueryableException("partition 2 of store transactions-by-date: NOT_ACTIVE"));
        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/transactions");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
        });
    }
}
