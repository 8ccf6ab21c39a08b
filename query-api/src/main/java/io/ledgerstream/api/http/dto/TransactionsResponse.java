package io.ledgerstream.api.http.dto;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import java.util.List;

/** A user's enriched transactions, newest first. */
public record TransactionsResponse(String userId, List<Transaction> transactions) {

    /**
     * One transaction: amount in its own currency, baseAmount in the user's base currency; which tier
     * decided its category, how sure it was (0 to 1) and, when the model decided, the model's version.
     */
    public record Transaction(String transactionId, String accountId, String bookedAt, String amount,
                              String currency, String baseAmount, String baseCurrency, String description,
                              String merchant, String mcc, String category, String subcategory,
                              String categorySource, double categoryConfidence, String modelVersion,
                              boolean essential) {

        public static Transaction from(EnrichedTransaction transaction) {
            return new Transaction(transaction.getTransactionId(), transaction.getAccountId(),
                    transaction.getBookedAt().toString(),
                    Money.format(transaction.getAmount(), transaction.getCurrency()), transaction.getCurrency(),
                    Money.format(transaction.getBaseAmount(), transaction.getBaseCurrency()),
                    transaction.getBaseCurrency(), transaction.getDescription(), transaction.getMerchant(),
                    transaction.getMcc(), transaction.getCategory().name(), transaction.getSubcategory(),
                    transaction.getCategorySource().name(), transaction.getCategoryConfidence(),
                    transaction.getModelVersion(), transaction.getEssential());
        }
    }

    public static TransactionsResponse from(String userId, List<EnrichedTransaction> transactions) {
        return new TransactionsResponse(userId, transactions.stream().map(Transaction::from).toList());
    }
}
