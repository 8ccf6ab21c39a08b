package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Reads money of a request: a plain decimal string ({@code "250.00"}), never a JSON number. */
final class Decimals {

    /** The scale of every decimal in the Avro schemas. */
    static final int AVRO_SCALE = 4;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,20})?");

    private Decimals() {
    }

    /**
     * @param minorUnitDigits the currency's digits: an amount may not be finer than its minor unit
     * @return the amount at the Avro scale
     */
    static BigDecimal parseNonNegative(String text, String field, int minorUnitDigits) {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new BadRequestException(field + " must be a decimal string such as \"250.00\", got "
                    + (text == null ? "nothing" : "'" + text + "'"));
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            throw new BadRequestException(field + " must not be negative, got " + text);
        }
        if (amount.stripTrailingZeros().scale() > minorUnitDigits) {
            throw new BadRequestException(field + " has more decimals than the currency's " + minorUnitDigits
                    + ", got " + text);
        }
        return amount.setScale(AVRO_SCALE);
    }
}
