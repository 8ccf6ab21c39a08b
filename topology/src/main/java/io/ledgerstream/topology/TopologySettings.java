package io.ledgerstream.topology;

import io.ledgerstream.topology.categorize.Categorizer;
import io.ledgerstream.topology.categorize.RuleCategorizers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * What the topology needs beyond its topics: defaults for users without settings, the
 * duplicate-charge rule, and the categorizer asked after a user's own corrections.
 *
 * @param defaultLargeTransactionThreshold a payment at least this large (base currency, absolute
 *                                         value) raises LARGE_TRANSACTION unless the user set another
 * @param defaultBaseCurrency              the base currency of a user who has not chosen one
 * @param duplicateChargeWindow            two charges booked at most this far apart (whole days) can
 *                                         be duplicates
 * @param duplicateChargeMinimum           smaller charges (base currency, absolute value) are never
 *                                         reported as duplicates: two coffees are two coffees
 * @param categorizer                      rules (and later a model) tried after user corrections
 */
public record TopologySettings(BigDecimal defaultLargeTransactionThreshold, String defaultBaseCurrency,
                               Duration duplicateChargeWindow, BigDecimal duplicateChargeMinimum,
                               Categorizer categorizer) {

    /** 1500. */
    public static final BigDecimal DEFAULT_LARGE_TRANSACTION_THRESHOLD = new BigDecimal("1500");
    /** EUR. */
    public static final String DEFAULT_BASE_CURRENCY = "EUR";
    /** One day. */
    public static final Duration DEFAULT_DUPLICATE_CHARGE_WINDOW = Duration.ofDays(1);
    /** 20. */
    public static final BigDecimal DEFAULT_DUPLICATE_CHARGE_MINIMUM = new BigDecimal("20");

    public TopologySettings {
        Objects.requireNonNull(defaultLargeTransactionThreshold, "defaultLargeTransactionThreshold");
        Objects.requireNonNull(duplicateChargeWindow, "duplicateChargeWindow");
        Objects.requireNonNull(duplicateChargeMinimum, "duplicateChargeMinimum");
        Objects.requireNonNull(categorizer, "categorizer");
        Currency.getInstance(Objects.requireNonNull(defaultBaseCurrency, "defaultBaseCurrency"));
        if (defaultLargeTransactionThreshold.signum() <= 0) {
            throw new IllegalArgumentException("defaultLargeTransactionThreshold must be positive, got "
                    + defaultLargeTransactionThreshold);
        }
        if (duplicateChargeWindow.isNegative()) {
            throw new IllegalArgumentException("duplicateChargeWindow must not be negative, got " + duplicateChargeWindow);
        }
    }

    /** The defaults above, with the MCC and keyword rules shipped with the topology. */
    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_LARGE_TRANSACTION_THRESHOLD, DEFAULT_BASE_CURRENCY,
                DEFAULT_DUPLICATE_CHARGE_WINDOW, DEFAULT_DUPLICATE_CHARGE_MINIMUM, RuleCategorizers.standard());
    }

    /** A copy using another categorizer (a model, a test double). */
    public TopologySettings withCategorizer(Categorizer other) {
        return new TopologySettings(defaultLargeTransactionThreshold, defaultBaseCurrency, duplicateChargeWindow,
                duplicateChargeMinimum, other);
    }
}
