package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.util.Objects;

/**
 * A category decision.
 *
 * @param category    one of the 18 primary categories, or UNCATEGORIZED
 * @param subcategory a finer label where known (GROCERIES, RESTAURANTS, RENT, …), else null
 * @param source      what decided it
 * @param essential   whether the spending is essential; always false for the money-in categories
 */
public record CategoryDecision(Category category, String subcategory, CategorySource source, boolean essential) {

    public CategoryDecision {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
    }
}
