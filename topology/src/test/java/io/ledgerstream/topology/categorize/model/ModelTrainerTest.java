package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static final long SEED = 42;
    private static final List<TrainingData.AgreedCategory> ZORBLAX_IS_ENTERTAINMENT =
            List.of(new TrainingData.AgreedCategory("Zorblax Labs", Category.ENTERTAINMENT));

    @Test
    void shouldReleaseTheFirstModelAndLearnWhatUsersAgreedOn() {
        ModelTrainer.Round round = ModelTrainer.train("v1", SEED, 3, ZORBLAX_IS_ENTERTAINMENT, Optional.empty());

        assertThat(round.release()).isTrue();
        assertThat(round.current()).isEmpty();
        CategoryModel.Prediction zorblax = round.candidate().model().predict(
                new ModelInput("CARD ****1234 ZORBLAX LABS LONDON", null, new BigDecimal("-25.00"), null));
        assertThat(zorblax.category()).isEqualTo(Category.ENTERTAINMENT);
        TrainingData.Sets sets = TrainingData.generate(SEED, 3, ZORBLAX_IS_ENTERTAINMENT);
        assertThat(round.candidate().trainingExamples()).isEqualTo(sets.training().size());
        assertThat(round.candidate().overall().count()).isEqualTo(sets.evaluation().size());
    }

    @Test
    void shouldReleaseAModelThatLearnedAnAgreementOverOneThatDidNot() {
        CategoryModel unaware = ModelTrainer.train("v1", SEED, 3, List.of(), Optional.empty()).candidate().model();

        ModelTrainer.Round round = ModelTrainer.train("v2", SEED, 3, ZORBLAX_IS_ENTERTAINMENT, Optional.of(unaware));

        assertThat(round.current()).isPresent();
        assertThat(round.candidate().overall().accuracy()).isGreaterThan(round.current().orElseThrow().accuracy());
        assertThat(round.release()).isTrue();
    }

    @Test
    void shouldNotReleaseAModelThatIsWorseOnTheEvaluationSet() {
        CategoryModel better = ModelTrainer.train("v1", SEED, 6, List.of(), Optional.empty()).candidate().model();

        ModelTrainer.Round round = ModelTrainer.train("v2", SEED, 1, List.of(), Optional.of(better));

        assertThat(round.candidate().overall().accuracy()).isLessThan(round.current().orElseThrow().accuracy());
        assertThat(round.release()).isFalse();
    }
}
