package io.ledgerstream.topology.categorize.model;

import java.util.List;
import java.util.Optional;

/**
 * One round of learning: trains a model on the project's data plus the categories users agreed on,
 * scores it and the model in use on the same evaluation set, and says whether to release it. A
 * candidate is released only if it is not worse: its accuracy on the whole evaluation set is at
 * least the current model's. The evaluation set takes the agreed categories too, so a model that
 * learned them is not counted wrong for it, and a model that did not is.
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * A trained model and its scores.
     *
     * @param overall accuracy and macro-F1 on the whole evaluation set, which decides
     */
    public record Candidate(CategoryModel model, int trainingExamples, Evaluation knownMerchants,
                            Evaluation newMerchants, Evaluation overall) {
    }

    /**
     * What a round found.
     *
     * @param current the model in use scored on the same evaluation set, if there is one
     * @param release whether the candidate is not worse than the current model
     */
    public record Round(Candidate candidate, Optional<Evaluation> current, boolean release) {
    }

    /**
     * @param version     the candidate's version
     * @param seed        seed of the generated data; the same seed gives the same evaluation set
     * @param perMerchant generated transactions per merchant
     * @param agreed      categories users agreed on ({@link CorrectionConsensus})
     * @param current     the model in use, if any
     */
    public static Round train(String version, long seed, int perMerchant, List<TrainingData.AgreedCategory> agreed,
                              Optional<CategoryModel> current) {
        TrainingData.Sets sets = TrainingData.generate(seed, perMerchant, agreed);
        CategoryModel model = CategoryModel.train(version, sets.training(), CategoryModel.OPTIONS);
        Candidate candidate = new Candidate(model, sets.training().size(), score(model, sets.knownMerchants()),
                score(model, sets.newMerchants()), score(model, sets.evaluation()));
        Optional<Evaluation> inUse = current.map(used -> score(used, sets.evaluation()));
        boolean release = inUse.map(e -> candidate.overall().accuracy() >= e.accuracy()).orElse(true);
        return new Round(candidate, inUse, release);
    }

    private static Evaluation score(CategoryModel model, List<CategoryModel.Example> examples) {
        return Evaluation.of(examples, input -> model.predict(input).category());
    }
}
