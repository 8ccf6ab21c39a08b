package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.util.Objects;

/**
 * A category decision.
 *
 * @param category     one of the 18 primary categories, or UNCATEGORIZED
 * @param subcategory  a finer label where known (GROCERIES, RESTAURANTS, RENT, …), else null
 * @param source       what decided it
 * @param essential    whether the spending is essential; always false for the money-in categories
 * @param confidence   how sure the source is, 0 to 1: 1 for rules and corrections, the model's probability
 * @param modelVersion the model's version when the model decided, else null
 */
public record CategoryDecision(Category category, String subcategory, CategorySource source, boolean essential,
                               double confidence, String modelVersion) {

    public CategoryDecision {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
    }

    /** A decision a rule or a correction makes: certain, no model. */
    public CategoryDecision(Category category, String subcategory, CategorySource source, boolean essential) {
        this(category, subcategory, source, essential, 1.0, null);
    }
}
