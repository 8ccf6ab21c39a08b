package io.ledgerstream.connectors.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ledgerstream.schemas.avro.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An alert as the JSON a webhook receives: the fields of the API's alert, money as a decimal string
 * at the currency's minor unit.
 */
final class AlertJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AlertJson() {
    }

    static byte[] of(Alert alert) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("alertId", alert.getAlertId());
            json.writeStringField("userId", alert.getUserId());
            json.writeStringField("type", alert.getType().name());
            json.writeStringField("severity", alert.getSeverity().name());
            json.writeStringField("transactionId", alert.getTransactionId());
            json.writeStringField("bookedAt", alert.getBookedAt() == null ? null : alert.getBookedAt().toString());
            json.writeStringField("amount", money(alert.getAmount(), alert.getCurrency()));
            json.writeStringField("currency", alert.getCurrency());
            json.writeStringField("merchant", alert.getMerchant());
            json.writeStringField("month", alert.getMonth());
            json.writeStringField("category", alert.getCategory() == null ? null : alert.getCategory().name());
            json.writeStringField("message", alert.getMessage());
            json.writeStringField("createdAt", alert.getCreatedAt().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Stores keep amounts at scale 4, already at the minor unit: this only drops the zeros. */
    private static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return amount.setScale(Math.max(digits, 0), RoundingMode.UNNECESSARY).toPlainString();
        } catch (RuntimeException e) {
            return amount.stripTrailingZeros().toPlainString();
        }
    }
}
