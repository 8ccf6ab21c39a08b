package io.ledgerstream.topology;

import io.ledgerstream.topology.categorize.Categorizer;
import io.ledgerstream.topology.categorize.RuleCategorizers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * What the topology needs beyond its topics: defaults for users without settings, the
 * duplicate-charge rule, the global rules asked after a user's own corrections, and the model's threshold.
 *
 * @param defaultLargeTransactionThreshold a payment at least this large (base currency, absolute
 *                                         value) raises LARGE_TRANSACTION unless the user set another
 * @param defaultBaseCurrency              the base currency of a user who has not chosen one
 * @param duplicateChargeWindow            two charges booked at most this far apart (whole days) can
 *                                         be duplicates
 * @param duplicateChargeMinimum           smaller charges (base currency, absolute value) are never
 *                                         reported as duplicates: two coffees are two coffees
 * @param categorizer                      the global rules, tried after user corrections and before the model
 * @param modelThreshold                   the least probability, 0 to 1, at which the model's category is
 *                                         taken; below it a transaction no rule knows is UNCATEGORIZED
 */
public record TopologySettings(BigDecimal defaultLargeTransactionThreshold, String defaultBaseCurrency,
                               Duration duplicateChargeWindow, BigDecimal duplicateChargeMinimum,
                               Categorizer categorizer, double modelThreshold) {

    /** 1500. */
    public static final BigDecimal DEFAULT_LARGE_TRANSACTION_THRESHOLD = new BigDecimal("1500");
    /** EUR. */
    public static final String DEFAULT_BASE_CURRENCY = "EUR";
    /** One day. */
    public static final Duration DEFAULT_DUPLICATE_CHARGE_WINDOW = Duration.ofDays(1);
    /** 20. */
    public static final BigDecimal DEFAULT_DUPLICATE_CHARGE_MINIMUM = new BigDecimal("20");
    /** 0.5, chosen with {@code ./ledgerstream bench categorizer} (docs/categorizer.md, "Threshold"). */
    public static final double DEFAULT_MODEL_THRESHOLD = 0.5;

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
        if (!(modelThreshold >= 0 && modelThreshold <= 1)) {
            throw new IllegalArgumentException("modelThreshold must be between 0 and 1, got " + modelThreshold);
        }
    }

    /** The defaults above, with the MCC and keyword rules shipped with the topology. */
    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_LARGE_TRANSACTION_THRESHOLD, DEFAULT_BASE_CURRENCY,
                DEFAULT_DUPLICATE_CHARGE_WINDOW, DEFAULT_DUPLICATE_CHARGE_MINIMUM, RuleCategorizers.standard(),
                DEFAULT_MODEL_THRESHOLD);
    }

    /** A copy using other global rules (a test double). */
    public TopologySettings withCategorizer(Categorizer other) {
        return new TopologySettings(defaultLargeTransactionThreshold, defaultBaseCurrency, duplicateChargeWindow,
                duplicateChargeMinimum, other, modelThreshold);
    }

    /** A copy taking the model's category from another probability on. */
    public TopologySettings withModelThreshold(double threshold) {
        return new TopologySettings(defaultLargeTransactionThreshold, defaultBaseCurrency, duplicateChargeWindow,
                duplicateChargeMinimum, categorizer, threshold);
    }
}
