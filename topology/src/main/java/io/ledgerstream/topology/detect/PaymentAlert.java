package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.Severity;
import java.math.BigDecimal;
import java.time.Instant;

/** An alert about one payment: its id from type, user and transaction, and the payment's date, merchant and category. */
final class PaymentAlert {

    private PaymentAlert() {
    }

    /**
     * @param amount    the figure the alert is about, in the payment's base currency
     * @param timestamp the triggering record's, so a replay makes the same alert
     */
    static Alert of(AlertType type, Severity severity, EnrichedTransaction payment, BigDecimal amount, String message,
                    long timestamp) {
        return Alert.newBuilder()
                .setAlertId(AlertIds.of(type, payment.getUserId(), payment.getTransactionId()))
                .setUserId(payment.getUserId())
                .setType(type)
                .setSeverity(severity)
                .setTransactionId(payment.getTransactionId())
                .setBookedAt(payment.getBookedAt())
                .setAmount(amount)
                .setCurrency(payment.getBaseCurrency())
                .setMerchant(payment.getMerchant())
                .setCategory(payment.getCategory())
                .setMessage(message)
                .setCreatedAt(Instant.ofEpochMilli(timestamp))
                .build();
    }
}
