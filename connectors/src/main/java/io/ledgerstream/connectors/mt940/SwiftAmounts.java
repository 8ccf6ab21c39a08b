package io.ledgerstream.connectors.mt940;

import java.math.BigDecimal;

/** SWIFT amounts: digits with a decimal comma that is always there ("800,", "79,7", "000000001000,00"). */
final class SwiftAmounts {

    private SwiftAmounts() {
    }

    /** The exact amount; {@code text} must match {@code \d+(,\d*)?}. */
    static BigDecimal parse(String text) {
        String plain = text.replace(',', '.');
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return new BigDecimal(plain);
    }
}
