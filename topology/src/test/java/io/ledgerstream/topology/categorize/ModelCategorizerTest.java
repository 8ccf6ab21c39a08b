package io.ledgerstream.topology.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelCategorizerTest {

    private static CategoryModel v1;
    private static CategoryModel v2;

    @BeforeAll
    static void train() {
        List<CategoryModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(example("CARD BAKERY " + i, "-4.50", Category.FOOD_AND_DRINK));
            examples.add(example("CARD PHARMACY " + i, "-12.00", Category.MEDICAL));
            examples.add(example("BGC SALARY " + i, "2500.00", Category.INCOME));
        }
        v1 = CategoryModel.train("v1", examples, CategoryModel.OPTIONS);
        v2 = CategoryModel.train("v2", examples, CategoryModel.OPTIONS);
    }

    private static CategoryModel.Example example(String description, String amount, Category category) {
        return new CategoryModel.Example(new ModelInput(description, null, new BigDecimal(amount), null), category);
    }

    private static TransactionFeatures features(String description, String amount) {
        BigDecimal value = new BigDecimal(amount);
        return new TransactionFeatures("alice", "t-1", null, description, null, Direction.of(value), value);
    }

    @Test
    void shouldAbstainWhileThereIsNoModel() {
        assertThat(new ModelCategorizer(Optional::empty, 0.5).categorize(features("CARD BAKERY", "-3.00"))).isEmpty();
    }

    @Test
    void shouldDecideWithTheModelsCategoryItsProbabilityAndVersion() {
        CategoryDecision decision = new ModelCategorizer(() -> Optional.of(v1), 0.5)
                .categorize(features("CARD PHARMACY HIGH STREET", "-8.00")).orElseThrow();

        assertThat(decision.category()).isEqualTo(Category.MEDICAL);
        assertThat(decision.source()).isEqualTo(CategorySource.MODEL);
        assertThat(decision.confidence()).isEqualTo(v1.predict(new ModelInput("CARD PHARMACY HIGH STREET", null,
                new BigDecimal("-8.00"), null)).confidence()).isGreaterThan(0.5);
        assertThat(decision.modelVersion()).isEqualTo("v1");
        assertThat(decision.essential()).isTrue(); // medical spending is essential
    }

    @Test
    void shouldLeaveATransactionUncategorizedWhenTheModelIsLessSureThanTheThreshold() {
        CategoryDecision decision = new ModelCategorizer(() -> Optional.of(v1), 0.999_999)
                .categorize(features("QWXZ", "-8.00")).orElseThrow();

        assertThat(decision.category()).isEqualTo(Category.UNCATEGORIZED);
        assertThat(decision.confidence()).isLessThan(0.999_999);
        assertThat(decision.source()).isEqualTo(CategorySource.MODEL);
    }

    @Test
    void shouldTakeANewerModelFromTheNextTransactionOn() {
        AtomicReference<CategoryModel> current = new AtomicReference<>(v1);
        ModelCategorizer categorizer = new ModelCategorizer(() -> Optional.ofNullable(current.get()), 0.5);

        assertThat(categorizer.categorize(features("CARD BAKERY", "-3.00")).orElseThrow().modelVersion()).isEqualTo("v1");
        current.set(v2);
        assertThat(categorizer.categorize(features("CARD BAKERY", "-3.00")).orElseThrow().modelVersion()).isEqualTo("v2");
    }

    @Test
    void shouldComeAfterTheRulesInTheChain() {
        CategorizerChain chain = CategorizerChain.of(RuleCategorizers.standard(),
                new ModelCategorizer(() -> Optional.of(v1), 0.5));

        // a keyword rule knows Tesco; the model only knows bakeries, pharmacies and salaries
        assertThat(chain.decide(features("CARD TESCO STORES", "-30.00")).source()).isEqualTo(CategorySource.KEYWORD);
        assertThat(chain.decide(features("CARD BAKERY ROSE", "-3.00")).source()).isEqualTo(CategorySource.MODEL);
    }
}
