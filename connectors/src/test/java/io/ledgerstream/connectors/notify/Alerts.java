package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Alerts for the notifier's tests. */
final class Alerts {

    private Alerts() {
    }

    static Alert alert(String userId, String alertId, String amount) {
        return alert(userId, alertId, amount, Severity.WARNING);
    }

    static Alert alert(String userId, String alertId, String amount, Severity severity) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setUserId(userId)
                .setType(AlertType.UNUSUAL_AMOUNT)
                .setSeverity(severity)
                .setTransactionId("t-" + alertId)
                .setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(new BigDecimal(amount).setScale(4))
                .setCurrency("EUR")
                .setMerchant("Media Markt")
                .setMonth(null)
                .setCategory(Category.GENERAL_MERCHANDISE)
                .setMessage(amount + " EUR at Media Markt is 6.1× your usual general merchandise payment")
                .setCreatedAt(Instant.parse("2026-03-04T10:00:00Z"))
                .build();
    }
}
