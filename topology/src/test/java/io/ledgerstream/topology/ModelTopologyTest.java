package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelInput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tiers in the topology, in order: the user's corrections, the global rules, then the model
 * released on categorizer.models, taken over by the running topology from the next record on.
 */
class ModelTopologyTest {

    /** Two models that disagree on where "Zorblax" goes, and neither knows a rule's words. */
    private static CategoryModel zorblaxIsFood;
    private static CategoryModel zorblaxIsEntertainment;

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    @BeforeAll
    static void train() {
        zorblaxIsFood = CategoryModel.train("m-food", examples(Category.FOOD_AND_DRINK), CategoryModel.OPTIONS);
        zorblaxIsEntertainment = CategoryModel.train("m-fun", examples(Category.ENTERTAINMENT), CategoryModel.OPTIONS);
    }

    private static List<CategoryModel.Example> examples(Category zorblax) {
        List<CategoryModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            examples.add(example("CARD ZORBLAX " + (100 + i), "-9.00", zorblax));
            examples.add(example("CARD QUIMBY WORKS " + (100 + i), "-40.00", Category.HOME_IMPROVEMENT));
            examples.add(example("DD FLOOBLE ENERGY " + (100 + i), "-80.00", Category.RENT_AND_UTILITIES));
            examples.add(example("CREDIT GRUNTCORP PAYROLL " + (100 + i), "2100.00", Category.INCOME));
        }
        return examples;
    }

    private static CategoryModel.Example example(String description, String amount, Category category) {
        return new CategoryModel.Example(new ModelInput(description, null, new BigDecimal(amount), null), category);
    }

    private EnrichedTransaction categorize(String transactionId, String description, String amount) {
        harness.send(transaction("alice", transactionId, "2026-03-04", amount).setDescription(description));
        return harness.enriched.readValue();
    }

    @Test
    void shouldLeaveWhatNoRuleKnowsUncategorizedUntilAModelIsReleased() {
        EnrichedTransaction unknown = categorize("t-1", "CARD ZORBLAX 7", "-9.50");

        assertThat(unknown.getCategory()).isEqualTo(Category.UNCATEGORIZED);
        assertThat(unknown.getCategorySource()).isEqualTo(CategorySource.NONE);
        assertThat(unknown.getModelVersion()).isNull();
    }

    @Test
    void shouldSwapToEachReleasedModelFromTheNextTransactionOn() {
        harness.release(zorblaxIsFood);
        EnrichedTransaction first = categorize("t-1", "CARD ZORBLAX 7", "-9.50");
        harness.release(zorblaxIsEntertainment);
        EnrichedTransaction second = categorize("t-2", "CARD ZORBLAX 8", "-9.50");

        assertThat(first.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(first.getModelVersion()).isEqualTo("m-food");
        assertThat(second.getCategory()).isEqualTo(Category.ENTERTAINMENT);
        assertThat(second.getModelVersion()).isEqualTo("m-fun");
        assertThat(List.of(first, second)).allSatisfy(transaction -> {
            assertThat(transaction.getCategorySource()).isEqualTo(CategorySource.MODEL);
            assertThat(transaction.getCategoryConfidence()).isBetween(TopologySettings.DEFAULT_MODEL_THRESHOLD, 1.0);
        });
        assertThat(first.getCategoryConfidence()).isEqualTo(zorblaxIsFood.predict(new ModelInput(
                first.getDescription(), first.getMerchant(), first.getAmount(), null)).confidence());
    }

    @Test
    void shouldAskTheModelOnlyWhenNoRuleDecides() {
        harness.release(zorblaxIsEntertainment);

        EnrichedTransaction pharmacy = categorize("t-1", "CARD ZORBLAX PHARMACY", "-9.50");

        assertThat(pharmacy.getCategory()).isEqualTo(Category.MEDICAL);
        assertThat(pharmacy.getCategorySource()).isEqualTo(CategorySource.KEYWORD);
        assertThat(pharmacy.getCategoryConfidence()).isEqualTo(1.0);
        assertThat(pharmacy.getModelVersion()).isNull();
    }

    @Test
    void shouldPreferTheUsersCorrectionToTheModel() {
        harness.release(zorblaxIsEntertainment);
        harness.corrections.pipeInput("alice", new CategoryCorrection("alice", null, "Zorblax", Category.GENERAL_SERVICES,
                Instant.parse("2026-03-10T10:00:00Z")));

        EnrichedTransaction corrected = categorize("t-1", "CARD ZORBLAX", "-9.50");

        assertThat(corrected.getMerchant()).isEqualTo("Zorblax");
        assertThat(corrected.getCategory()).isEqualTo(Category.GENERAL_SERVICES);
        assertThat(corrected.getCategorySource()).isEqualTo(CategorySource.USER_CORRECTION);
    }

    @Test
    void shouldCallALowProbabilityUncategorized() {
        harness.release(zorblaxIsFood);

        EnrichedTransaction vague = categorize("t-1", "PAYMENT 55", "-9.50");
        double probability = zorblaxIsFood.predict(new ModelInput(vague.getDescription(), vague.getMerchant(),
                vague.getAmount(), null)).confidence();

        assertThat(probability).as("the model cannot tell").isLessThan(TopologySettings.DEFAULT_MODEL_THRESHOLD);
        assertThat(vague.getCategory()).isEqualTo(Category.UNCATEGORIZED);
        assertThat(vague.getCategorySource()).isEqualTo(CategorySource.MODEL);
        assertThat(vague.getCategoryConfidence()).isEqualTo(probability);
        assertThat(vague.getModelVersion()).isEqualTo("m-food");
    }

    @Test
    void shouldKeepTheCurrentModelWhenAReleaseIsNoModel() {
        harness.release(zorblaxIsFood);
        harness.release("broken", "not a model".getBytes(StandardCharsets.US_ASCII));

        EnrichedTransaction after = categorize("t-1", "CARD ZORBLAX 7", "-9.50");

        assertThat(after.getModelVersion()).isEqualTo("m-food");
        assertThat(after.getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(harness.enriched.isEmpty()).isTrue();
    }
}
