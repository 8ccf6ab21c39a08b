package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.util.Optional;

/**
 * Applies the user's own corrections: one for this transaction first, then one for its merchant.
 * A correction names only the category, so essential follows {@link Categories#isEssentialByDefault}.
 */
public final class UserCorrectionCategorizer implements Categorizer {

    private final CorrectionLookup corrections;

    public UserCorrectionCategorizer(CorrectionLookup corrections) {
        this.corrections = corrections;
    }

    @Override
    public Optional<CategoryDecision> categorize(TransactionFeatures features) {
        Optional<Category> corrected = corrections.forTransaction(features.userId(), features.transactionId());
        if (corrected.isEmpty() && features.merchant() != null) {
            corrected = corrections.forMerchant(features.userId(), features.merchant());
        }
        return corrected.map(category -> new CategoryDecision(category, null, CategorySource.USER_CORRECTION,
                Categories.isEssentialByDefault(category)));
    }
}
