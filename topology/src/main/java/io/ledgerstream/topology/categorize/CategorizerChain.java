package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.util.List;
import java.util.Optional;

/**
 * Asks categorizers in order and takes the first decision: user correction, then MCC rules, then
 * keyword rules (then, later, a model). When none decides, {@link #decide} falls back to TRANSFER_IN
 * for money in and UNCATEGORIZED for money out.
 */
public final class CategorizerChain implements Categorizer {

    private static final CategoryDecision UNKNOWN_MONEY_IN =
            new CategoryDecision(Category.TRANSFER_IN, null, CategorySource.NONE, false);
    private static final CategoryDecision UNKNOWN_MONEY_OUT =
            new CategoryDecision(Category.UNCATEGORIZED, null, CategorySource.NONE, false);

    private final List<Categorizer> categorizers;

    private CategorizerChain(List<Categorizer> categorizers) {
        this.categorizers = List.copyOf(categorizers);
    }

    /** A chain asking {@code categorizers} in the order given. */
    public static CategorizerChain of(Categorizer... categorizers) {
        return new CategorizerChain(List.of(categorizers));
    }

    @Override
    public Optional<CategoryDecision> categorize(TransactionFeatures features) {
        for (Categorizer categorizer : categorizers) {
            Optional<CategoryDecision> decision = categorizer.categorize(features);
            if (decision.isPresent()) {
                return decision;
            }
        }
        return Optional.empty();
    }

    /** The first decision, or the fallback when no categorizer decides. */
    public CategoryDecision decide(TransactionFeatures features) {
        return categorize(features).orElse(
                features.direction() == Direction.MONEY_IN ? UNKNOWN_MONEY_IN : UNKNOWN_MONEY_OUT);
    }
}
