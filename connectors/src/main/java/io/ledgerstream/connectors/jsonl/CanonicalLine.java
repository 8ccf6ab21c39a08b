package io.ledgerstream.connectors.jsonl;

import java.util.Arrays;
import java.util.List;

/**
 * One valid line of the canonical JSON Lines format, values checked and normalized
 * (amount as a plain decimal string, currency upper case). {@code transactionId}, {@code accountId},
 * {@code merchant} and {@code mcc} may be {@code null}.
 */
record CanonicalLine(String transactionId, String userId, String accountId, String bookedAt, String amount,
                     String currency, String description, String merchant, String mcc, boolean removed) {

    /**
     * The fields that identify a row without a bank id, for {@link
     * io.ledgerstream.connectors.importer.ContentHashIds}: everything but the id itself and the
     * removed flag, with the amount's trailing zeros stripped so "-3.50" and "-3.5" agree.
     */
    List<String> identityContent() {
        String plainAmount = new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString();
        return Arrays.asList(userId, accountId, bookedAt, plainAmount, currency, description, merchant, mcc);
    }
}
