package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enrichment and categorization as seen on transactions.enriched and in the stores. */
class CategorizationTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private static CategoryCorrection correction(String transactionId, String merchant, Category category) {
        return new CategoryCorrection("alice", transactionId, merchant, category, Instant.parse("2026-03-10T10:00:00Z"));
    }

    @Test
    void shouldApplyAMerchantCorrectionToLaterTransactionsOnly() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-30.00").setMerchant("Tesco"));
        assertThat(harness.enriched.readValue().getCategory()).isEqualTo(Category.FOOD_AND_DRINK);

        harness.corrections.pipeInput("alice", correction(null, "TESCO", Category.GENERAL_MERCHANDISE));
        harness.send(transaction("alice", "t-2", "2026-03-05", "-12.00").setMerchant("Tesco"));

        EnrichedTransaction later = harness.enriched.readValue();
        assertThat(later.getCategory()).isEqualTo(Category.GENERAL_MERCHANDISE);
        assertThat(later.getCategorySource()).isEqualTo(CategorySource.USER_CORRECTION);
        assertThat(harness.<EnrichedTransaction>storeValue(StoreNames.TRANSACTIONS_BY_DATE, "alice|2026-03-04|t-1")
                .getCategory()).as("the earlier transaction keeps its category").isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(harness.summary("alice|2026-03").getByCategory())
                .containsOnlyKeys("FOOD_AND_DRINK", "GENERAL_MERCHANDISE");
    }

    @Test
    void shouldTurnATransactionCorrectionIntoARuleForItsMerchant() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-8.40").setDescription("CARD 4111 1111 1111 1111 CORNER SHOP 12"));
        EnrichedTransaction first = harness.enriched.readValue();
        assertThat(first.getMerchant()).isEqualTo("Corner Shop");
        assertThat(first.getCategory()).isEqualTo(Category.UNCATEGORIZED);

        harness.corrections.pipeInput("alice", correction("t-1", null, Category.FOOD_AND_DRINK));
        harness.send(transaction("alice", "t-2", "2026-03-06", "-3.10").setDescription("POS CORNER SHOP 12 06.03."));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-8.45").setDescription("CARD 4111 1111 1111 1111 CORNER SHOP 12"));

        assertThat(harness.<CategoryCorrection>storeEntries(StoreNames.CATEGORY_CORRECTIONS)).extracting(entry -> entry.key)
                .containsExactly("alice|m:corner shop", "alice|t:t-1");
        assertThat(harness.enriched.readValuesToList()).allSatisfy(transaction -> {
            assertThat(transaction.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
            assertThat(transaction.getCategorySource()).isEqualTo(CategorySource.USER_CORRECTION);
        }).extracting(EnrichedTransaction::getTransactionId).as("t-1 re-categorized, t-2, t-1 amended")
                .containsExactly("t-1", "t-2", "t-1");
    }

    @Test
    void shouldMoveACorrectedTransactionsAmountToItsNewCategory() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-30.00").setMerchant("Tesco"));
        harness.send(transaction("alice", "t-2", "2026-03-05", "-12.00").setMerchant("Tesco"));
        assertThat(harness.enriched.readValuesToList()).hasSize(2);
        MonthlySummary before = harness.summary("alice|2026-03");
        assertThat(before.getByCategory()).containsOnlyKeys("FOOD_AND_DRINK");

        harness.corrections.pipeInput("alice", correction("t-1", null, Category.ENTERTAINMENT));

        EnrichedTransaction corrected = harness.enriched.readValue();
        assertThat(corrected.getTransactionId()).isEqualTo("t-1");
        assertThat(corrected.getCategory()).isEqualTo(Category.ENTERTAINMENT);
        assertThat(corrected.getCategorySource()).isEqualTo(CategorySource.USER_CORRECTION);
        assertThat(harness.<EnrichedTransaction>storeValue(StoreNames.TRANSACTIONS_BY_DATE, "alice|2026-03-04|t-1")
                .getCategory()).isEqualTo(Category.ENTERTAINMENT);
        MonthlySummary after = harness.summary("alice|2026-03");
        assertThat(after.getByCategory().get("ENTERTAINMENT")).isEqualByComparingTo("30.00");
        assertThat(after.getByCategory().getOrDefault("FOOD_AND_DRINK", BigDecimal.ZERO)).isEqualByComparingTo("12.00");
        assertThat(after.getExpenses()).isEqualByComparingTo(before.getExpenses());
        assertThat(after.getTransactionCount()).isEqualTo(before.getTransactionCount());

        // the same statement line again is still a resend, and keeps the corrected category
        harness.send(transaction("alice", "t-1", "2026-03-04", "-30.00").setMerchant("Tesco"));
        harness.corrections.pipeInput("alice", correction("t-1", null, Category.ENTERTAINMENT));
        assertThat(harness.enriched.isEmpty()).as("nothing new").isTrue();
        assertThat(harness.summary("alice|2026-03")).isEqualTo(after);
    }

    @Test
    void shouldRedactNumbersAndNormalizeTheMerchant() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-45.00")
                .setDescription("CARD 4111-1111-1111-1234 TESCO STORES 3297 IBAN DE89 3704 0044 0532 0130 00"));

        EnrichedTransaction enriched = harness.enriched.readValue();
        assertThat(enriched.getDescription()).isEqualTo("CARD ****1234 TESCO STORES 3297 IBAN ****3000");
        assertThat(enriched.getMerchant()).isEqualTo("Tesco"); // a known merchant, by its own name
        assertThat(enriched.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(enriched.getSubcategory()).isEqualTo("GROCERIES");
        assertThat(enriched.getEssential()).isTrue();
    }

    @Test
    void shouldPreferTheMccToKeywords() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-18.00").setMerchant("Tesco Cafe").setMcc("5812"));

        EnrichedTransaction enriched = harness.enriched.readValue();
        assertThat(enriched.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(enriched.getSubcategory()).isEqualTo("RESTAURANTS");
        assertThat(enriched.getCategorySource()).isEqualTo(CategorySource.MCC);
        assertThat(enriched.getEssential()).isFalse();
    }

    @Test
    void shouldTellIncomeFromOtherMoneyIn() {
        harness.send(transaction("alice", "t-1", "2026-03-25", "2500.00").setDescription("SALARY MARCH ACME GMBH"));
        harness.send(transaction("alice", "t-2", "2026-03-26", "50.00").setDescription("FROM J SMITH"));
        harness.send(transaction("alice", "t-3", "2026-03-26", "-50.00").setDescription("XJ-99 QRT"));

        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getCategory)
                .containsExactly(Category.INCOME, Category.TRANSFER_IN, Category.UNCATEGORIZED);
    }
}
