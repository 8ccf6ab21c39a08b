package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unusual-amount and budget alerts, and the cases where neither may speak. */
class SpendingAlertTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private int sequence;

    /** A grocery payment at Tesco on its own day, so no two look like a duplicate charge. */
    private void groceries(String amount) {
        sequence++;
        harness.send(transaction("alice", "t-" + sequence, LocalDate.of(2026, 1, 1).plusDays(sequence).toString(),
                "-" + amount).setMerchant("Tesco"));
    }

    private List<Alert> alertsOf(AlertType type) {
        return harness.alerts.readValuesToList().stream().filter(alert -> alert.getType() == type).toList();
    }

    private void budgets(Map<String, BigDecimal> budgets) {
        harness.settings.pipeInput("alice", new UserSettings("alice", "EUR", "UTC", null, budgets, null,
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void shouldTellAPaymentFarAboveTheUsersUsualInItsCategory() {
        for (int i = 0; i < 20; i++) {
            groceries(Integer.toString(40 + 2 * i) + ".00"); // 40, 42, ..., 78: median 59, 90th percentile 74
        }
        groceries("221.00"); // under 3 × 74
        groceries("400.00");

        List<Alert> unusual = alertsOf(AlertType.UNUSUAL_AMOUNT);
        assertThat(unusual).hasSize(1);
        Alert alert = unusual.get(0);
        assertThat(alert.getTransactionId()).isEqualTo("t-22");
        assertThat(alert.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(alert.getAmount()).isEqualByComparingTo("400.00");
        // the median of the 21 before: 60; 400 / 60 = 6.67
        assertThat(alert.getMessage()).isEqualTo(
                "400.00 EUR at Tesco is 6.7× your usual food and drink payment (60.00 EUR, the median of your last 21)");
    }

    @Test
    void shouldMeasureFromTheHighEndOfTheUsualSoMixedSizesAreNoNews() {
        for (int i = 0; i < 20; i++) {
            groceries(i % 10 < 7 ? "4.00" : "60.00"); // fourteen coffees and six weekly shops: median 4, 90th percentile 60
        }
        groceries("70.00");  // 17.5 times the median, but no more than a big weekly shop
        groceries("200.00"); // over 3 × 60

        assertThat(alertsOf(AlertType.UNUSUAL_AMOUNT)).extracting(Alert::getTransactionId).containsExactly("t-22");
    }

    @Test
    void shouldStayQuietBeforeEnoughHistory() {
        for (int i = 0; i < 19; i++) {
            groceries("50.00");
        }
        groceries("900.00");

        assertThat(alertsOf(AlertType.UNUSUAL_AMOUNT)).as("nineteen payments are not a baseline yet").isEmpty();
    }

    @Test
    void shouldStayQuietForNormalSpendingAndSmallRises() {
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            groceries(BigDecimal.valueOf(3000 + random.nextInt(4000), 2).toPlainString()); // 30.00 to 69.99
        }
        groceries("120.00"); // 2.4 times the usual: more, not news

        assertThat(alertsOf(AlertType.UNUSUAL_AMOUNT)).isEmpty();
    }

    @Test
    void shouldJudgeEachCategoryByItsOwnHistory() {
        for (int i = 0; i < 10; i++) {
            groceries("10.00");
        }
        harness.send(transaction("alice", "tv", "2026-02-20", "-450.00").setMerchant("Media Markt").setMcc("5732"));

        assertThat(alertsOf(AlertType.UNUSUAL_AMOUNT)).as("no electronics history: nothing to compare with").isEmpty();
    }

    @Test
    void shouldTellEachBudgetThresholdOnceAsSpendingCrossesIt() {
        budgets(Map.of("FOOD_AND_DRINK", new BigDecimal("500.0000")));

        groceries("200.00"); // 40%
        groceries("60.00");  // 52%
        groceries("150.00"); // 82%
        groceries("100.00"); // 102%
        groceries("10.00");  // 104%

        List<Alert> budget = alertsOf(AlertType.BUDGET_THRESHOLD);
        assertThat(budget).extracting(Alert::getTransactionId).containsExactly("t-2", "t-3", "t-4");
        assertThat(budget).extracting(Alert::getSeverity).containsExactly(Severity.INFO, Severity.WARNING, Severity.CRITICAL);
        assertThat(budget).allSatisfy(alert -> {
            assertThat(alert.getMonth()).isEqualTo("2026-01");
            assertThat(alert.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        });
        assertThat(budget).extracting(Alert::getMessage).containsExactly(
                "Food and drink: 260.00 EUR spent in 2026-01, 52% of your 500.00 EUR budget",
                "Food and drink: 410.00 EUR spent in 2026-01, 82% of your 500.00 EUR budget",
                "Food and drink is over budget in 2026-01: 510.00 EUR spent of 500.00 EUR (102%)");
    }

    @Test
    void shouldTellOnlyTheHighestThresholdAPaymentCrossesAndNoLowerOneAfterARefund() {
        budgets(Map.of("FOOD_AND_DRINK", new BigDecimal("100.0000")));

        groceries("120.00");                                        // 0% to 120%
        harness.send(transaction("alice", "refund", "2026-01-20", "80.00").setMerchant("Tesco")); // back to 40%
        groceries("30.00");                                         // 70%: crosses 50% again

        List<Alert> budget = alertsOf(AlertType.BUDGET_THRESHOLD);
        assertThat(budget).hasSize(1);
        assertThat(budget.get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldStartEachMonthAfreshAndIgnoreCategoriesWithoutABudget() {
        budgets(Map.of("FOOD_AND_DRINK", new BigDecimal("100.0000")));

        harness.send(transaction("alice", "jan", "2026-01-10", "-60.00").setMerchant("Tesco"));
        harness.send(transaction("alice", "feb", "2026-02-10", "-60.00").setMerchant("Tesco"));
        harness.send(transaction("alice", "tv", "2026-02-11", "-900.00").setMerchant("Media Markt").setMcc("5732"));

        assertThat(alertsOf(AlertType.BUDGET_THRESHOLD)).extracting(Alert::getMonth).containsExactly("2026-01", "2026-02");
    }

    @Test
    void shouldNotRepeatABudgetAlertWhenAPaymentIsReplacedByANewVersion() {
        budgets(Map.of("FOOD_AND_DRINK", new BigDecimal("100.0000")));

        harness.send(transaction("alice", "t-1", "2026-01-10", "-55.00").setMerchant("Tesco"));
        harness.send(transaction("alice", "t-1", "2026-01-10", "-56.00").setMerchant("Tesco")); // posted amount

        assertThat(alertsOf(AlertType.BUDGET_THRESHOLD)).hasSize(1);
    }

    /** A flight (MCC 4511: travel) booked on {@code date}. */
    private void flight(String id, String date, String amount) {
        harness.send(transaction("alice", id, date, "-" + amount).setMerchant("Sky Air").setMcc("4511"));
    }

    @Test
    void shouldTellWhenACategoryPassesTwiceItsAverageOfThePreviousMonths() {
        String[] amounts = {"100.00", "140.00", "120.00", "100.00", "140.00", "120.00"};
        for (int m = 0; m < amounts.length; m++) {
            flight("f-" + m, LocalDate.of(2025, 9, 10).plusMonths(m).toString(), amounts[m]);
        }
        // mean 120, standard deviation 17.9: the mark is the highest of 240, 173.7 and 220
        flight("mar-1", "2026-03-05", "150.00");
        flight("mar-2", "2026-03-12", "100.00"); // 250
        flight("mar-3", "2026-03-19", "100.00"); // 350: already told this month

        List<Alert> spikes = alertsOf(AlertType.SPENDING_SPIKE);
        assertThat(spikes).hasSize(1);
        Alert spike = spikes.get(0);
        assertThat(spike.getTransactionId()).isEqualTo("mar-2");
        assertThat(spike.getMonth()).isEqualTo("2026-03");
        assertThat(spike.getCategory()).isEqualTo(Category.TRAVEL);
        assertThat(spike.getAmount()).isEqualByComparingTo("250.00");
        assertThat(spike.getMessage())
                .isEqualTo("Travel in 2026-03: 250.00 EUR so far, 2.1× your average of 120.00 EUR over the previous 6 months");
    }

    @Test
    void shouldNeedFiveEarlierMonthsWithSpendingInTheCategory() {
        for (int m = 0; m < 4; m++) {
            flight("f-" + m, LocalDate.of(2025, 11, 10).plusMonths(m).toString(), "50.00");
        }
        harness.send(transaction("alice", "oct", "2025-10-10", "-30.00").setMerchant("Tesco")); // a fifth active month
        flight("mar", "2026-03-10", "400.00");
        harness.send(transaction("alice", "cinema", "2026-03-11", "-80.00").setMerchant("Odeon").setMcc("7832"));

        assertThat(alertsOf(AlertType.SPENDING_SPIKE)).as("no usual to compare with").isEmpty();
    }

    @Test
    void shouldStayQuietForSteadySpending() {
        String[] months = {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"};
        for (int m = 0; m < months.length; m++) {
            for (int week = 0; week < 4; week++) {
                flight("f-" + m + "-" + week, months[m] + "-" + (10 + week * 5), Integer.toString(80 + 7 * ((m + week) % 3)) + ".00");
            }
        }

        assertThat(alertsOf(AlertType.SPENDING_SPIKE)).isEmpty();
    }
}
