package io.ledgerstream.topology.enrich;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Converts an amount into a base currency at the rate of its booking date. Rates are quoted against
 * the euro ("one EUR buys {@code rate} units"), so {@code base = amount × rate(base) / rate(currency)},
 * with EUR's rate 1. The result is computed in {@link MathContext#DECIMAL128}, rounded half-even to the
 * base currency's minor unit (cents for EUR, none for JPY), and carried at scale 4 as on the wire.
 * Pure: the rates come from a {@link RateLookup}.
 */
public final class FxConverter {

    /** Scale of every amount on the wire. */
    public static final int WIRE_SCALE = 4;
    private static final String EURO = "EUR";

    private final RateLookup rates;

    public FxConverter(RateLookup rates) {
        this.rates = rates;
    }

    /** The outcome: the converted amount, or the currency whose rate is missing. */
    public record Conversion(BigDecimal baseAmount, String missingRateCurrency) {

        public boolean converted() {
            return baseAmount != null;
        }
    }

    /** {@code amount} in {@code currency}, booked on {@code bookedAt}, expressed in {@code baseCurrency}. */
    public Conversion convert(BigDecimal amount, String currency, LocalDate bookedAt, String baseCurrency) {
        if (currency.equals(baseCurrency)) {
            return new Conversion(amount.setScale(WIRE_SCALE, RoundingMode.UNNECESSARY), null);
        }
        Optional<BigDecimal> from = rateOf(currency, bookedAt);
        if (from.isEmpty()) {
            return new Conversion(null, currency);
        }
        Optional<BigDecimal> to = rateOf(baseCurrency, bookedAt);
        if (to.isEmpty()) {
            return new Conversion(null, baseCurrency);
        }
        BigDecimal exact = amount.multiply(to.get(), MathContext.DECIMAL128).divide(from.get(), MathContext.DECIMAL128);
        return new Conversion(exact.setScale(minorUnits(baseCurrency), RoundingMode.HALF_EVEN)
                .setScale(WIRE_SCALE, RoundingMode.UNNECESSARY), null);
    }

    private Optional<BigDecimal> rateOf(String currency, LocalDate date) {
        return EURO.equals(currency) ? Optional.of(BigDecimal.ONE) : rates.rateOnOrBefore(currency, date)
                .filter(rate -> rate.signum() > 0);
    }

    /** Digits after the decimal point of the currency's minor unit, at most the wire's four. */
    static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? WIRE_SCALE : Math.min(digits, WIRE_SCALE);
    }
}
