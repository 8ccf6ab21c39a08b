package io.ledgerstream.connectors.qif;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a QIF amount ({@code T}, {@code U}, {@code $}): a decimal point, optional thousands commas
 * in groups of three ({@code -1,234.56}), a sign as written. Straight into a {@link BigDecimal},
 * keeping the written scale, never through a double.
 */
final class QifAmount {

    private static final Pattern AMOUNT =
            Pattern.compile("[+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)");

    private QifAmount() {
    }

    /** The amount, or empty when the text is not one (decimal commas, currency signs, letters). */
    static Optional<BigDecimal> parse(String text) {
        String trimmed = text.strip();
        if (!AMOUNT.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(trimmed.replace(",", "")));
    }
}
