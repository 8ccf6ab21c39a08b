package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import java.time.Instant;

/**
 * Body of {@code POST /api/v1/users/{userId}/corrections}: {@code {transactionId, category}} corrects one
 * transaction, {@code {merchant, category}} every later transaction of a merchant.
 */
public record CorrectionRequest(String transactionId, String merchant, String category) {

    /** @throws BadRequestException unless exactly one of transactionId and merchant is given, and a known category */
    public CategoryCorrection toCorrection(String userId, Instant correctedAt) {
        boolean byTransaction = transactionId != null && !transactionId.isBlank();
        boolean byMerchant = merchant != null && !merchant.isBlank();
        if (byTransaction == byMerchant) {
            throw new BadRequestException("give exactly one of transactionId and merchant"
                    + (byTransaction ? ", not both" : ""));
        }
        return CategoryCorrection.newBuilder()
                .setUserId(userId)
                .setTransactionId(byTransaction ? transactionId.strip() : null)
                .setMerchant(byMerchant ? merchant.strip() : null)
                .setCategory(Categories.parse(category, "category"))
                .setCorrectedAt(correctedAt)
                .build();
    }
}
