package io.ledgerstream.topology.categorize.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the model looks at in a transaction.
 *
 * @param description the redacted description, never null
 * @param merchant    the normalized merchant, or null
 * @param amount      the signed amount (negative is money out), never null
 * @param mcc         the four-digit merchant category code, or null
 */
public record ModelInput(String description, String merchant, BigDecimal amount, String mcc) {

    public ModelInput {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
    }
}
