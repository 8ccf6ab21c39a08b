package io.ledgerstream.api.http.dto;

import io.ledgerstream.schemas.avro.Alert;
import java.util.List;

/** A user's recent alerts, newest first. */
public record AlertsResponse(String userId, List<AlertView> alerts) {

    /**
     * One alert; {@code createdAt} is an ISO-8601 instant, {@code bookedAt} an ISO date, {@code month}
     * (YYYY-MM) and {@code category} where the alert concerns one (a budget).
     */
    public record AlertView(String alertId, String type, String severity, String transactionId, String bookedAt,
                            String amount, String currency, String merchant, String month, String category,
                            String message, String createdAt) {

        public static AlertView from(Alert alert) {
            return new AlertView(alert.getAlertId(), alert.getType().name(), alert.getSeverity().name(),
                    alert.getTransactionId(), alert.getBookedAt() == null ? null : alert.getBookedAt().toString(),
                    Money.format(alert.getAmount(), alert.getCurrency()), alert.getCurrency(), alert.getMerchant(),
                    alert.getMonth(), alert.getCategory() == null ? null : alert.getCategory().name(),
                    alert.getMessage(), alert.getCreatedAt().toString());
        }
    }

    public static AlertsResponse from(String userId, List<Alert> alerts) {
        return new AlertsResponse(userId, alerts.stream().map(AlertView::from).toList());
    }
}
