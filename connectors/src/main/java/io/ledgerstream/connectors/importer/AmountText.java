package io.ledgerstream.connectors.importer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an amount written as a plain decimal ("-12.34", "+5", "0.10") into an exact
 * {@link BigDecimal}, keeping the scale as written. Never goes through a double.
 */
public final class AmountText {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private AmountText() {
    }

    /** The amount, or empty when {@code text} is not a plain decimal (exponents, commas, spaces). */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }
}
