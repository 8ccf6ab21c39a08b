package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelInput;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The learned tier, after the rules: the current model's most probable category, or UNCATEGORIZED
 * when the model is less sure of it than the threshold. Abstains while there is no model, so the
 * chain falls back as it did without one. The model is asked for anew on every transaction, so a
 * newer model takes over from the next record on.
 */
public final class ModelCategorizer implements Categorizer {

    private final Supplier<Optional<CategoryModel>> model;
    private final double threshold;

    /**
     * @param model     the current model, if any
     * @param threshold the least probability at which the model's category is taken, 0 to 1
     */
    public ModelCategorizer(Supplier<Optional<CategoryModel>> model, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " is not between 0 and 1");
        }
        this.model = model;
        this.threshold = threshold;
    }

    @Override
    public Optional<CategoryDecision> categorize(TransactionFeatures features) {
        Optional<CategoryModel> current = model.get();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CategoryModel.Prediction prediction = current.get().predict(
                new ModelInput(features.description(), features.merchant(), features.amount(), features.mcc()));
        Category category = prediction.confidence() >= threshold ? prediction.category() : Category.UNCATEGORIZED;
        return Optional.of(new CategoryDecision(category, null, CategorySource.MODEL,
                Categories.isEssentialByDefault(category), prediction.confidence(), current.get().version()));
    }
}
