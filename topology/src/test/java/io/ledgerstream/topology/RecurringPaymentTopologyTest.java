package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.PaymentSeries;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscriptions and bills: new ones, price increases and missed payments, and where none may be told. */
class RecurringPaymentTopologyTest {

    private static final Set<AlertType> RECURRING =
            Set.of(AlertType.NEW_SUBSCRIPTION, AlertType.PRICE_INCREASE, AlertType.MISSED_PAYMENT);

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private void pay(String id, String date, String merchant, String amount) {
        harness.send(transaction("alice", id, date, "-" + amount).setMerchant(merchant));
    }

    private List<Alert> recurringAlerts() {
        return harness.alerts.readValuesToList().stream().filter(alert -> RECURRING.contains(alert.getType())).toList();
    }

    @Test
    void shouldTellANewSubscriptionOnTheThirdPaymentAtOneCadenceAndAPriceIncrease() {
        pay("n-1", "2026-01-05", "Netflix", "15.99");
        pay("n-2", "2026-02-05", "Netflix", "15.99");
        assertThat(recurringAlerts()).as("two payments are no pattern yet").isEmpty();

        pay("n-3", "2026-03-06", "Netflix", "15.99"); // a day late: still monthly
        pay("n-4", "2026-04-05", "Netflix", "17.99");

        List<Alert> alerts = recurringAlerts();
        assertThat(alerts).extracting(Alert::getType).containsExactly(AlertType.NEW_SUBSCRIPTION, AlertType.PRICE_INCREASE);
        assertThat(alerts).extracting(Alert::getTransactionId).containsExactly("n-3", "n-4");
        assertThat(alerts.get(0).getMessage()).isEqualTo("New recurring payment: Netflix, 15.99 EUR monthly (entertainment)");
        assertThat(alerts.get(0).getCategory()).isEqualTo(Category.ENTERTAINMENT);
        assertThat(alerts.get(1).getMessage()).isEqualTo("Netflix now costs 17.99 EUR monthly, up from 15.99 EUR (+12.5%)");
        PaymentSeries series = harness.storeValue(StoreNames.RECURRING_PAYMENTS, "alice|netflix");
        assertThat(series.getCadence()).isEqualTo("MONTHLY");
        assertThat(series.getNextExpected()).isEqualTo(LocalDate.of(2026, 5, 5));
    }

    @Test
    void shouldFindWeeklyAndYearlyCadences() {
        pay("g-1", "2026-01-02", "Pure Gym", "9.00");
        pay("g-2", "2026-01-09", "Pure Gym", "9.00");
        pay("g-3", "2026-01-16", "Pure Gym", "9.00"); // weekly needs a fourth
        pay("g-4", "2026-01-23", "Pure Gym", "9.40");
        pay("i-1", "2024-03-01", "Aviva Insurance", "240.00");
        pay("i-2", "2025-03-03", "Aviva Insurance", "250.00");
        pay("i-3", "2026-03-02", "Aviva Insurance", "255.00");

        assertThat(recurringAlerts()).extracting(Alert::getMessage).containsExactly(
                "New recurring payment: Pure Gym, 9.40 EUR weekly (personal care)",
                "New recurring payment: Aviva Insurance, 255.00 EUR yearly (general services)");
    }

    @Test
    void shouldNotTakeShoppingForASubscription() {
        Random random = new Random(11);
        LocalDate date = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 40; i++) {
            date = date.plusDays(1 + random.nextInt(9));
            pay("t-" + i, date.toString(), "Tesco", (10 + random.nextInt(80)) + ".00");
        }
        pay("s-1", "2026-01-10", "Spotify", "9.99");
        pay("s-2", "2026-02-10", "Spotify", "9.99");
        pay("s-3", "2026-03-10", "Spotify", "29.99"); // monthly, but not the same payment
        pay("h-1", "2026-01-10", "Hotel Adlon", "300.00");
        pay("h-2", "2026-01-11", "Hotel Adlon", "300.00");
        pay("h-3", "2026-01-12", "Hotel Adlon", "300.00"); // three nights, not a daily subscription

        assertThat(recurringAlerts()).isEmpty();
    }

    @Test
    void shouldTellAMissedPaymentOnceWhenTheUsersTransactionsHaveGonePastItsGrace() {
        pay("n-0", "2025-12-05", "Netflix", "15.99"); // four on time: an established series
        pay("n-1", "2026-01-05", "Netflix", "15.99");
        pay("n-2", "2026-02-05", "Netflix", "15.99");
        pay("n-3", "2026-03-05", "Netflix", "15.99"); // next expected 2026-04-05, grace to 2026-04-12
        pay("t-1", "2026-04-12", "Tesco", "30.00");
        recurringAlerts();
        harness.driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(recurringAlerts()).as("the user's latest payment is still within the grace").isEmpty();

        pay("t-2", "2026-04-13", "Tesco", "31.00");
        assertThat(recurringAlerts()).as("judged on the hourly check, not on a record").isEmpty();
        harness.driver.advanceWallClockTime(Duration.ofHours(1));
        harness.driver.advanceWallClockTime(Duration.ofHours(1));

        List<Alert> missed = recurringAlerts();
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).getType()).isEqualTo(AlertType.MISSED_PAYMENT);
        assertThat(missed.get(0).getMerchant()).isEqualTo("Netflix");
        assertThat(missed.get(0).getBookedAt()).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(missed.get(0).getMessage())
                .isEqualTo("No monthly payment to Netflix (15.99 EUR) since 2026-03-05; it was expected around 2026-04-05");

        // paid late after all: the series goes on, expected next on 2026-05-20, but after a late payment
        // it is not established until four payments keep the cadence again, so a miss is not told yet
        pay("n-4", "2026-04-20", "Netflix", "15.99");
        pay("t-3", "2026-05-28", "Tesco", "33.00");
        harness.driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(recurringAlerts()).isEmpty();
        PaymentSeries series = harness.storeValue(StoreNames.RECURRING_PAYMENTS, "alice|netflix");
        assertThat(series.getNextExpected()).isEqualTo(LocalDate.of(2026, 5, 20));
    }

    @Test
    void shouldLetAnExtraPaymentAtTheSameMerchantPassWithoutAPriceAlert() {
        pay("a-1", "2026-01-03", "Audible", "8.99");
        pay("a-2", "2026-02-03", "Audible", "8.99");
        pay("a-3", "2026-03-03", "Audible", "8.99");
        pay("a-extra", "2026-03-14", "Audible", "24.99"); // a book bought outright
        pay("a-4", "2026-04-03", "Audible", "8.99");

        assertThat(recurringAlerts()).extracting(Alert::getType).containsExactly(AlertType.NEW_SUBSCRIPTION);
        PaymentSeries series = harness.storeValue(StoreNames.RECURRING_PAYMENTS, "alice|audible");
        assertThat(series.getNextExpected()).isEqualTo(LocalDate.of(2026, 5, 3));
    }
}
