package io.ledgerstream.topology.categorize.model;

import io.ledgerstream.schemas.avro.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import smile.classification.Maxent;

/**
 * The categorizer's learned tier: multinomial logistic regression over {@link ModelFeatures}, fitted
 * with Smile's {@link Maxent}, which is made for sparse binary features in a large space (Smile's
 * {@code LogisticRegression} takes dense rows and is very slow on them).
 *
 * @param version    the model's version, carried by every record it categorizes
 * @param categories the category of each of the model's classes, in class order
 * @param maxent     the fitted model
 */
public record CategoryModel(String version, List<Category> categories, Maxent.Multinomial maxent) {

    /** The regularization, tolerance and iteration limit the trainer uses. */
    public static final Maxent.Options OPTIONS = new Maxent.Options(0.1, 1e-5, 300);

    public CategoryModel {
        Objects.requireNonNull(version, "version");
        categories = List.copyOf(categories);
    }

    /** A labelled transaction. */
    public record Example(ModelInput input, Category category) {
    }

    /** A category and how sure the model is of it: the class's posterior probability, 0 to 1. */
    public record Prediction(Category category, double confidence) {
    }

    /** Fits a model to the examples, which must name at least three categories (no two-class model is made). */
    public static CategoryModel train(String version, List<Example> examples, Maxent.Options options) {
        List<Category> categories = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::category).toList()));
        if (categories.size() < 3) {
            throw new IllegalArgumentException("a model needs examples of at least three categories, got " + categories);
        }
        int[][] x = new int[examples.size()][];
        int[] y = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            x[i] = ModelFeatures.of(examples.get(i).input());
            y[i] = categories.indexOf(examples.get(i).category());
        }
        return new CategoryModel(version, categories, Maxent.multinomial(ModelFeatures.DIMENSION, x, y, options));
    }

    /** The most probable category of the transaction and its probability. */
    public Prediction predict(ModelInput input) {
        double[] posteriori = new double[categories.size()];
        int best = maxent.predict(ModelFeatures.of(input), posteriori);
        return new Prediction(categories.get(best), posteriori[best]);
    }
}
