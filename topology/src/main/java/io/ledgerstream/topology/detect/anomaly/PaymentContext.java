package io.ledgerstream.topology.detect.anomaly;

import io.ledgerstream.schemas.avro.AnomalyProfile;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.detect.AlertFormat;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payment in its user's context, as the isolation forest sees it, and how the user's profiles
 * learn from it. The same code makes the features of the training data (offline, on profiles in a
 * map) and of the running detector (on store {@value StoreNames#ANOMALY_PROFILES}), so the forest is
 * trained on exactly what it later judges.
 *
 * <p>The features, in the order of {@link #FEATURES}: the amount against all the user's payments and
 * against their payments in its category (how many standard deviations of ln(amount) above the
 * usual, 0 for an amount below it; the category's own once it has {@value #CATEGORY_HISTORY} payments, else the overall one),
 * the share of the user's payments that fall in its category, how often the user has paid this
 * merchant before (ln(1 + visits)), the days since the last visit (ln(1 + days), -1 for a merchant
 * never paid), and the weekday. The hour is not known: statements and feeds give a booking date.
 *
 * <p>Amounts become {@code double} only here, as logarithms for statistics; money itself stays exact.
 */
public final class PaymentContext {

    /** Names of the features, in order. */
    public static final List<String> FEATURES = List.of("amount-vs-all", "amount-vs-category", "category-share",
            "merchant-visits", "days-since-last-visit", "weekday");
    /** Payments the user must have made before the forest judges one. */
    public static final int MIN_HISTORY = 30;
    /** Payments in a category before it has its own baseline. */
    public static final int CATEGORY_HISTORY = 5;
    /** Exact running mean for the first payments, then an exponentially weighted one over about this many. */
    static final int MEMORY = 50;
    /** Least standard deviations of ln(amount): a user who always pays the same is not alarmed by a cent. */
    static final double MIN_SD_ALL = 0.5;
    static final double MIN_SD_CATEGORY = 0.25;

    /** Where the profiles live: a state store in the topology, a map when training. */
    public interface Profiles {

        AnomalyProfile get(String key);

        void put(String key, AnomalyProfile profile);

        /** Profiles in a map of their own: training, which replays a population outside the topology. */
        static Profiles inMemory() {
            Map<String, AnomalyProfile> profiles = new HashMap<>();
            return new Profiles() {
                @Override
                public AnomalyProfile get(String key) {
                    return profiles.get(key);
                }

                @Override
                public void put(String key, AnomalyProfile profile) {
                    profiles.put(key, profile);
                }
            };
        }
    }

    /** A payment's features with the profiles they came from, for explaining an alert. */
    public record Judged(double[] features, AnomalyProfile all, AnomalyProfile category, AnomalyProfile merchant) {
    }

    private PaymentContext() {
    }

    /**
     * Judges {@code payment} against the user's profiles and then learns it into them.
     *
     * @param paid the amount paid in the base currency, positive
     * @return its features, or empty while the user has fewer than {@value #MIN_HISTORY} payments
     */
    public static Optional<Judged> observe(EnrichedTransaction payment, BigDecimal paid, Profiles profiles) {
        String userId = payment.getUserId();
        String allKey = StoreNames.paymentsProfileKey(userId);
        String categoryKey = StoreNames.categoryProfileKey(userId, payment.getCategory());
        String merchantKey = StoreNames.merchantProfileKey(userId, AlertFormat.payee(payment));
        AnomalyProfile all = profiles.get(allKey);
        AnomalyProfile category = profiles.get(categoryKey);
        AnomalyProfile merchant = profiles.get(merchantKey);
        double logAmount = Math.log(paid.doubleValue());
        LocalDate day = payment.getBookedAt();

        Optional<Judged> judged = Optional.empty();
        if (all != null && all.getPayments() >= MIN_HISTORY) {
            judged = Optional.of(new Judged(features(logAmount, day, all, category, merchant), all, category, merchant));
        }
        profiles.put(allKey, learn(all, logAmount, day));
        profiles.put(categoryKey, learn(category, logAmount, day));
        profiles.put(merchantKey, learn(merchant, logAmount, day));
        return judged;
    }

    static double[] features(double logAmount, LocalDate day, AnomalyProfile all, AnomalyProfile category,
                             AnomalyProfile merchant) {
        double againstAll = standardized(logAmount, all, MIN_SD_ALL);
        boolean knownCategory = category != null && category.getPayments() >= CATEGORY_HISTORY;
        return new double[] {
            againstAll,
            knownCategory ? standardized(logAmount, category, MIN_SD_CATEGORY) : againstAll,
            category == null ? 0 : (double) category.getPayments() / all.getPayments(),
            merchant == null ? 0 : Math.log1p(merchant.getPayments()),
            merchant == null ? -1 : Math.log1p(Math.max(0, ChronoUnit.DAYS.between(merchant.getLastPaidOn(), day))),
            day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue(),
        };
    }

    /** Standard deviations above the usual; a payment below the usual counts as usual, never as out of pattern. */
    private static double standardized(double logAmount, AnomalyProfile profile, double minSd) {
        return Math.max(0, (logAmount - profile.getLogMean()) / Math.max(minSd, Math.sqrt(profile.getLogVariance())));
    }

    /**
     * The profile with one more payment: mean and variance updated incrementally (West's weighted
     * form), with weight 1/n for the first {@value #MEMORY} payments (the exact mean and variance)
     * and 1/{@value #MEMORY} after, so the profile follows a user whose habits change.
     */
    static AnomalyProfile learn(AnomalyProfile profile, double logAmount, LocalDate day) {
        if (profile == null) {
            return new AnomalyProfile(1, day, logAmount, 0.0);
        }
        int payments = profile.getPayments() + 1;
        double weight = 1.0 / Math.min(payments, MEMORY);
        double difference = logAmount - profile.getLogMean();
        double increment = weight * difference;
        double variance = (1 - weight) * (profile.getLogVariance() + difference * increment);
        LocalDate last = day.isAfter(profile.getLastPaidOn()) ? day : profile.getLastPaidOn();
        return new AnomalyProfile(payments, last, profile.getLogMean() + increment, variance);
    }
}
