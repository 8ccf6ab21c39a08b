package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import java.util.Optional;

/** Where a user's category corrections are looked up (the category-corrections store). */
public interface CorrectionLookup {

    /** The category the user gave this one transaction, if any. */
    Optional<Category> forTransaction(String userId, String transactionId);

    /** The category the user gave every transaction of this merchant (compared without case), if any. */
    Optional<Category> forMerchant(String userId, String merchant);
}
