package io.ledgerstream.topology.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthlySummariesTest {

    private static EnrichedTransaction transaction(String id, String baseAmount, Category category, boolean essential) {
        return EnrichedTransaction.newBuilder()
                .setTransactionId(id).setUserId("alice").setAccountId(null).setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(new BigDecimal(baseAmount).setScale(4)).setCurrency("EUR")
                .setBaseAmount(new BigDecimal(baseAmount).setScale(4)).setBaseCurrency("EUR")
                .setDescription("").setMerchant(null).setMcc(null).setCategory(category).setSubcategory(null)
                .setCategorySource(CategorySource.NONE).setEssential(essential).setRemoved(false).build();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(4);
    }

    @Test
    void shouldAddIncomeExpensesCategoriesAndEssentials() {
        MonthlySummary summary = null;
        summary = MonthlySummaries.add(summary, transaction("a", "1000.00", Category.INCOME, false));
        summary = MonthlySummaries.add(summary, transaction("b", "-60.40", Category.FOOD_AND_DRINK, true));
        summary = MonthlySummaries.add(summary, transaction("c", "-19.60", Category.FOOD_AND_DRINK, false));
        summary = MonthlySummaries.add(summary, transaction("d", "10.00", Category.FOOD_AND_DRINK, true));

        assertThat(summary.getMonth()).isEqualTo("2026-03");
        assertThat(summary.getIncome()).isEqualTo(money("1010.00"));
        assertThat(summary.getExpenses()).isEqualTo(money("80.00"));
        assertThat(MonthlySummaries.net(summary)).isEqualTo(money("930.00"));
        assertThat(summary.getTransactionCount()).isEqualTo(4);
        assertThat(summary.getByCategory()).isEqualTo(Map.of("INCOME", money("1000.00"), "FOOD_AND_DRINK", money("70.00")));
        assertThat(summary.getEssential()).isEqualTo(money("50.40"));
        assertThat(summary.getDiscretionary()).isEqualTo(money("19.60"));
    }

    @Test
    void shouldUndoAnAdditionExactlyBySubtraction() {
        MonthlySummary start = MonthlySummaries.add(null, transaction("a", "-5.55", Category.ENTERTAINMENT, false));
        EnrichedTransaction other = transaction("b", "-33.33", Category.MEDICAL, true);

        MonthlySummary undone = MonthlySummaries.subtract(MonthlySummaries.add(start, other), other);

        assertThat(undone).isEqualTo(start);
    }

    @Test
    void shouldLeaveNothingButZerosWhenTheLastTransactionIsSubtracted() {
        EnrichedTransaction only = transaction("a", "-5.55", Category.ENTERTAINMENT, false);

        MonthlySummary empty = MonthlySummaries.subtract(MonthlySummaries.add(null, only), only);

        assertThat(empty).isEqualTo(MonthlySummaries.empty("alice", YearMonth.of(2026, 3), "EUR"));
    }

    @Test
    void shouldCountMoneyInCategoriesInNeitherEssentialNorDiscretionary() {
        MonthlySummary summary = MonthlySummaries.add(null, transaction("a", "200.00", Category.TRANSFER_IN, false));
        summary = MonthlySummaries.add(summary, transaction("b", "-200.00", Category.TRANSFER_IN, false));

        assertThat(summary.getEssential()).isEqualTo(money("0"));
        assertThat(summary.getDiscretionary()).isEqualTo(money("0"));
        assertThat(summary.getByCategory()).as("a category netting to zero is left out").isEmpty();
        assertThat(summary.getIncome()).isEqualTo(money("200.00"));
        assertThat(summary.getExpenses()).isEqualTo(money("200.00"));
    }
}
