package io.ledgerstream.topology.categorize;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What a categorizer may look at.
 *
 * @param userId        whose transaction (user corrections are per user)
 * @param transactionId the transaction's id (a correction may name one transaction)
 * @param merchant      the normalized merchant, or null when none could be found
 * @param description   the redacted description, never null
 * @param mcc           the four-digit merchant category code, or null
 * @param direction     money in or out
 * @param amount        the signed amount in the transaction's currency (the model reads its size)
 */
public record TransactionFeatures(String userId, String transactionId, String merchant, String description,
                                  String mcc, Direction direction, BigDecimal amount) {

    public TransactionFeatures {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(amount, "amount");
    }

    /** Merchant and description in lower case, the text that keyword rules search. */
    public String searchText() {
        String text = merchant == null ? description : merchant + " " + description;
        return text.toLowerCase(Locale.ROOT);
    }
}
