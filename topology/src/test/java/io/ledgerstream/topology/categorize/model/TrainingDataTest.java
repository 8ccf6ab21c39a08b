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

    @Test
    void shouldMakeNewTransactionsOfEveryTrainingMerchantApartFromTraining() {
        TrainingData.Sets sets = TrainingData.generate(7, 6);

        assertThat(sets.knownMerchants()).hasSize(sets.training().size() / 2);
        assertThat(sets.knownMerchants()).anyMatch(example -> example.input().description().contains("TESCO"));
        assertThat(sets.knownMerchants()).noneMatch(example -> example.input().description().contains("WAITROSE"));
        assertThat(sets.evaluation()).hasSize(sets.knownMerchants().size() + sets.newMerchants().size());
    }

    @Test
    void shouldGiveAKnownMerchantTheAgreedCategoryInTrainingAndEvaluation() {
        List<TrainingData.AgreedCategory> agreed = List.of(
                new TrainingData.AgreedCategory("sainsburys", Category.GENERAL_MERCHANDISE),
                new TrainingData.AgreedCategory("Waitrose", Category.ENTERTAINMENT));
        TrainingData.Sets sets = TrainingData.generate(7, 5, agreed);

        for (List<CategoryModel.Example> set : List.of(sets.training(), sets.knownMerchants())) {
            assertThat(set).filteredOn(example -> example.input().description().contains("SAINSBURYS")).isNotEmpty()
                    .allSatisfy(example -> assertThat(example.category()).isEqualTo(Category.GENERAL_MERCHANDISE));
        }
        assertThat(sets.newMerchants()).filteredOn(example -> example.input().description().contains("WAITROSE"))
                .isNotEmpty().allSatisfy(example -> assertThat(example.category()).isEqualTo(Category.ENTERTAINMENT));
        assertThat(sets.training()).noneMatch(example -> example.input().description().contains("WAITROSE"));
    }

    @Test
    void shouldAddAnUnknownAgreedMerchantToTheTrainingMerchants() {
        TrainingData.Sets plain = TrainingData.generate(7, 5);
        TrainingData.Sets sets = TrainingData.generate(7, 5,
                List.of(new TrainingData.AgreedCategory("Zorblax Labs", Category.ENTERTAINMENT),
                        new TrainingData.AgreedCategory("Nobody Knows", Category.UNCATEGORIZED)));

        assertThat(sets.training()).hasSize(plain.training().size() + 5);
        assertThat(sets.training()).filteredOn(example -> example.input().description().contains("ZORBLAX LABS")
                        || example.input().description().contains("Zorblax Labs"))
                .hasSize(5).allSatisfy(example -> {
                    assertThat(example.category()).isEqualTo(Category.ENTERTAINMENT);
                    assertThat(example.input().amount().signum()).isNegative();
                });
        assertThat(sets.knownMerchants()).anyMatch(example -> example.input().description().toUpperCase().contains("ZORBLAX"));
    }
}
