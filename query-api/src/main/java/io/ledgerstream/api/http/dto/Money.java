package io.ledgerstream.api.http.dto;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money as a JSON decimal string: {@code "-12.34"}, at the currency's minor unit. Never a float. */
public final class Money {

    private Money() {
    }

    /**
     * The amount at the currency's minor-unit scale (2 for EUR, 0 for JPY, 3 for BHD). Stores hold
     * amounts at scale 4, already rounded to minor units, so this only drops zeros; an amount with
     * more significant digits than the currency has (or an unknown currency) keeps all of them rather
     * than be rounded silently.
     *
     * @return null for a null amount
     */
    public static String format(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return null;
        }
        int digits = fractionDigits(currencyCode);
        if (digits >= 0) {
            try {
                return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
            } catch (ArithmeticException moreDigitsThanTheCurrencyHas) {
                // fall through: keep every digit
            }
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The currency's minor-unit digits, or -1 if the code is unknown or has none (XAU). */
    public static int fractionDigits(String currencyCode) {
        if (currencyCode == null) {
            return -1;
        }
        try {
            return Currency.getInstance(currencyCode).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }
}
