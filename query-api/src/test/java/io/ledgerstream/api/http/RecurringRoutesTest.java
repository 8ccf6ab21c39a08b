package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurringRoutesTest {

    private static PaymentSeries series(String merchant, Category category, String cadence, String amount,
                                        String lastPaid, String next) {
        BigDecimal paid = new BigDecimal(amount).setScale(4);
        return new PaymentSeries(merchant, category, "EUR",
                List.of(new SeriesPayment("t-" + merchant, LocalDate.parse(lastPaid), paid)), cadence, paid, LocalDate.parse(next),
                null);
    }

    @Test
    void shouldListRecurringPaymentsWithWhatTheyComeToPerMonth() {
        FakeUserStateReader reader = new FakeUserStateReader().withRecurring("alice",
                series("Netflix", Category.ENTERTAINMENT, "MONTHLY", "15.99", "2026-03-05", "2026-04-05"),
                series("Pure Gym", Category.PERSONAL_CARE, "WEEKLY", "9.00", "2026-03-16", "2026-03-23"),
                series("Aviva Insurance", Category.GENERAL_SERVICES, "YEARLY", "255.00", "2026-03-02", "2027-03-02"));

        JavalinTest.test(TestApi.app(reader), (server, client) -> {
            JsonNode body = json(get(client, "/api/v1/users/alice/recurring"));

            JsonNode netflix = body.get("payments").get(0);
            assertThat(netflix.get("merchant").asText()).isEqualTo("Netflix");
            assertThat(netflix.get("category").asText()).isEqualTo("ENTERTAINMENT");
            assertThat(netflix.get("cadence").asText()).isEqualTo("MONTHLY");
            assertThat(netflix.get("amount").asText()).isEqualTo("15.99");
            assertThat(netflix.get("lastPaid").asText()).isEqualTo("2026-03-05");
            assertThat(netflix.get("nextExpected").asText()).isEqualTo("2026-04-05");
            assertThat(netflix.get("monthlyAmount").asText()).isEqualTo("15.99");
            // 9.00 × 52 / 12 = 39.00; 255.00 / 12 = 21.25
            assertThat(body.get("payments").get(1).get("monthlyAmount").asText()).isEqualTo("39.00");
            assertThat(body.get("payments").get(2).get("monthlyAmount").asText()).isEqualTo("21.25");
            assertThat(body.get("monthlyTotals").get("EUR").asText()).isEqualTo("76.24");
        });
    }

    @Test
    void shouldAnswerAnUnknownUserWithNoPayments() {
        JavalinTest.test(TestApi.app(new FakeUserStateReader()), (server, client) -> {
            JsonNode body = json(get(client, "/api/v1/users/nobody/recurring"));

            assertThat(body.get("payments")).isEmpty();
            assertThat(body.get("monthlyTotals")).isEmpty();
        });
    }
}
