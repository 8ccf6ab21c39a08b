package io.ledgerstream.api.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightsTest {

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount).setScale(4);
    }

    static MonthlySummary month(String month, String expenses, String... categoryAmounts) {
        Map<String, BigDecimal> byCategory = new HashMap<>();
        for (int i = 0; i < categoryAmounts.length; i += 2) {
            byCategory.put(categoryAmounts[i], eur(categoryAmounts[i + 1]));
        }
        return MonthlySummary.newBuilder().setUserId("alice").setMonth(month).setCurrency("EUR")
                .setIncome(eur("2000")).setExpenses(eur(expenses)).setTransactionCount(10).setByCategory(byCategory)
                .setEssential(eur("0")).setDiscretionary(eur("0")).build();
    }

    static final List<MonthlySummary> MONTHS = List.of(
            month("2026-02", "1000", "FOOD_AND_DRINK", "300", "TRAVEL", "200", "ENTERTAINMENT", "100", "INCOME", "2000"),
            month("2026-03", "1100", "FOOD_AND_DRINK", "420", "ENTERTAINMENT", "90", "GENERAL_MERCHANDISE", "250",
                    "INCOME", "2000"));

    static final UserSettings BUDGETS = UserSettings.newBuilder().setUserId("alice").setUpdatedAt(Instant.EPOCH)
            .setBudgets(Map.of("FOOD_AND_DRINK", eur("1000"), "ENTERTAINMENT", eur("400"))).build();

    static PaymentSeries recurring(String merchant, String cadence, String amount) {
        return new PaymentSeries(merchant, Category.ENTERTAINMENT, "EUR",
                List.of(new SeriesPayment("t", LocalDate.of(2026, 3, 1), eur(amount))), cadence, eur(amount),
                LocalDate.of(2026, 4, 1), null);
    }

    @Test
    void shouldTellTheMonthsTotalTheBiggestChangesTheBudgetsPaceAndTheSubscriptions() {
        List<Insights.Insight> insights = Insights.of(YearMonth.of(2026, 3), MONTHS, Optional.of(BUDGETS),
                List.of(recurring("Netflix", "MONTHLY", "15.99"), recurring("Pure Gym", "WEEKLY", "9.00")),
                LocalDate.of(2026, 3, 10));

        assertThat(insights).extracting(Insights.Insight::message).containsExactly(
                "You spent 1,100.00 EUR in 2026-03, 100.00 EUR more than in 2026-02 (1,000.00 EUR)",
                "General merchandise: 250.00 EUR in 2026-03, none the month before",
                "Travel: 0.00 EUR in 2026-03, down 200.00 EUR (-100%) on 2026-02",
                "Food and drink: 420.00 EUR in 2026-03, up 120.00 EUR (+40%) on 2026-02",
                // 90 in 10 of 31 days: 279; 420 in 10 days: 1,302
                "At this pace entertainment ends 2026-03 at 279.00 EUR: 70% of its 400.00 EUR budget",
                "At this pace food and drink ends 2026-03 at 1,302.00 EUR: 30% over its 1,000.00 EUR budget",
                // 15.99 + 9.00 × 52 / 12
                "Subscriptions and bills: 54.99 EUR a month across 2 (Netflix, Pure Gym)");
        assertThat(insights.get(3).category()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(insights.get(3).amount()).isEqualByComparingTo("120");
        assertThat(insights.get(5).amount()).isEqualByComparingTo("1302.00");
    }

    @Test
    void shouldProjectOnlyTheRunningMonthAndCompareOnlyWithAMonthThatExists() {
        List<Insights.Insight> past = Insights.of(YearMonth.of(2026, 3), MONTHS, Optional.of(BUDGETS), List.of(),
                LocalDate.of(2026, 4, 2));
        List<Insights.Insight> first = Insights.of(YearMonth.of(2026, 2), MONTHS, Optional.of(BUDGETS), List.of(),
                LocalDate.of(2026, 4, 2));

        assertThat(past).extracting(Insights.Insight::kind).doesNotContain("BUDGET_PROJECTION", "SUBSCRIPTIONS");
        assertThat(first).extracting(Insights.Insight::kind).doesNotContain("MONTH_TOTAL").contains("CATEGORY_CHANGE");
        assertThat(first).extracting(Insights.Insight::message)
                .contains("Food and drink: 300.00 EUR in 2026-02, none the month before");
    }
}
