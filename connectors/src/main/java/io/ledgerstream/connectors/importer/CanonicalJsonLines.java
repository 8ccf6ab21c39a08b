package io.ledgerstream.connectors.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a {@link RawTransaction} as one line of the canonical JSON Lines format (DESIGN.md,
 * "Canonical transaction as JSON Lines"), fields in the documented order: transactionId, userId,
 * accountId, bookedAt, amount (a decimal string), currency, description, then merchant and mcc when
 * present and {@code "removed": true} only when removed. The {@code source} is not part of the format.
 * The importer's {@code jsonl} parser reads these lines back into the same transactions.
 */
public final class CanonicalJsonLines {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CanonicalJsonLines() {
    }

    /** One JSON object, without the line break. */
    public static String line(RawTransaction transaction) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("transactionId", transaction.getTransactionId());
            json.writeStringField("userId", transaction.getUserId());
            writeIfPresent(json, "accountId", transaction.getAccountId());
            json.writeStringField("bookedAt", transaction.getBookedAt());
            json.writeStringField("amount", transaction.getAmount());
            json.writeStringField("currency", transaction.getCurrency());
            json.writeStringField("description", transaction.getDescription());
            writeIfPresent(json, "merchant", transaction.getMerchant());
            writeIfPresent(json, "mcc", transaction.getMcc());
            if (transaction.getRemoved()) {
                json.writeBooleanField("removed", true);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static void writeIfPresent(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
