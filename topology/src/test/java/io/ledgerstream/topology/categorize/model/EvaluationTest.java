package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ledgerstream.schemas.avro.Category;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static CategoryModel.Example example(String description, Category category) {
        return new CategoryModel.Example(new ModelInput(description, null, BigDecimal.ONE, null), category);
    }

    @Test
    void shouldScoreAccuracyMacroF1AndConfusionsAsCountedByHand() {
        // labels: A A A B; predictions: A A B B (A = FOOD_AND_DRINK, B = TRAVEL)
        List<CategoryModel.Example> examples = List.of(example("a1", Category.FOOD_AND_DRINK),
                example("a2", Category.FOOD_AND_DRINK), example("a3", Category.FOOD_AND_DRINK),
                example("b1", Category.TRAVEL));
        Map<String, Category> predictions = Map.of("a1", Category.FOOD_AND_DRINK, "a2", Category.FOOD_AND_DRINK,
                "a3", Category.TRAVEL, "b1", Category.TRAVEL);

        Evaluation evaluation = Evaluation.of(examples, input -> predictions.get(input.description()));

        // A: precision 2/2, recall 2/3, F1 0.8; B: precision 1/2, recall 1/1, F1 2/3
        assertThat(evaluation.accuracy()).isEqualTo(0.75);
        assertThat(evaluation.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-12));
        assertThat(evaluation.topConfusions(5)).containsExactly("FOOD_AND_DRINK -> TRAVEL: 1");
        assertThat(evaluation.count()).isEqualTo(4);
    }
}
