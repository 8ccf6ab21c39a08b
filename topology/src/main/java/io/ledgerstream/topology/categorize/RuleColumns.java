package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** Reads the columns that every rule file shares: direction, category, subcategory, essential. */
final class RuleColumns {

    private static final String ANY_DIRECTION = "ANY";

    private RuleColumns() {
    }

    /** The direction a rule is limited to, or empty for {@code ANY}. */
    static Optional<Direction> direction(CSVRecord row, int column) {
        String value = row.get(column).toUpperCase(Locale.ROOT);
        return ANY_DIRECTION.equals(value) ? Optional.empty() : Optional.of(Direction.valueOf(value));
    }

    /** The decision a rule makes, from the category column and the two after it. */
    static CategoryDecision decision(CSVRecord row, int categoryColumn, CategorySource source) {
        Category category = Category.valueOf(row.get(categoryColumn).toUpperCase(Locale.ROOT));
        String subcategory = row.get(categoryColumn + 1);
        boolean essential = Boolean.parseBoolean(row.get(categoryColumn + 2));
        if (essential && Categories.isMoneyIn(category)) {
            throw new IllegalArgumentException("rule at line " + row.getRecordNumber()
                    + " marks money in (" + category + ") essential");
        }
        return new CategoryDecision(category, subcategory.isEmpty() ? null : subcategory.toUpperCase(Locale.ROOT),
                source, essential);
    }

    /** Whether the rule's direction (empty for any) admits {@code direction}. */
    static boolean admits(Optional<Direction> ruleDirection, Direction direction) {
        return ruleDirection.isEmpty() || ruleDirection.get() == direction;
    }
}
