package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

    private static final Set<Category> MONEY_IN =
            EnumSet.of(Category.INCOME, Category.TRANSFER_IN, Category.LOAN_DISBURSEMENTS);

    @Test
    void shouldMakeTheSameSetsFromTheSameSeed() {
        assertThat(TrainingData.generate(7, 3)).isEqualTo(TrainingData.generate(7, 3));
        assertThat(TrainingData.generate(7, 3)).isNotEqualTo(TrainingData.generate(8, 3));
    }

    @Test
    void shouldCoverEveryCategoryInBothSetsWithTheDirectionItsMoneyGoes() {
        TrainingData.Sets sets = TrainingData.generate(7, 5);
        Set<Category> all = EnumSet.allOf(Category.class);
        all.remove(Category.UNCATEGORIZED);
        for (List<CategoryModel.Example> set : List.of(sets.training(), sets.evaluation())) {
            assertThat(set.stream().map(CategoryModel.Example::category).distinct()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(set).allSatisfy(example -> assertThat(example.input().amount().signum())
                    .isEqualTo(MONEY_IN.contains(example.category()) ? 1 : -1));
        }
    }

    @Test
    void shouldKeepTheEvaluationMerchantsOutOfTheTrainingSet() {
        TrainingData.Sets sets = TrainingData.generate(7, 5);
        // names only in the evaluation rows of merchants.csv: none may appear in a training description
        for (String evaluationOnly : List.of("WAITROSE", "CINEWORLD", "MARRIOTT", "HOOLI", "TOOLSTATION")) {
            assertThat(sets.training()).noneMatch(example -> example.input().description().contains(evaluationOnly));
            assertThat(sets.evaluation()).anyMatch(example -> example.input().description().contains(evaluationOnly));
        }
    }
}
