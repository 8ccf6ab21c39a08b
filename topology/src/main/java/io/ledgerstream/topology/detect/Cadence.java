package io.ledgerstream.topology.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a recurring payment comes, with the days between two payments that fit it (banks book
 * on working days, and months differ in length) and the days of grace after an expected date before
 * it counts as missed.
 */
public enum Cadence {
    WEEKLY(6, 8, 3),
    BIWEEKLY(13, 15, 4),
    MONTHLY(26, 35, 7),
    QUARTERLY(84, 98, 10),
    YEARLY(355, 375, 21);

    private final int minDays;
    private final int maxDays;
    private final int graceDays;

    Cadence(int minDays, int maxDays, int graceDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
        this.graceDays = graceDays;
    }

    /** The cadence that every gap between these dates (in order) fits, if one does. */
    public static Optional<Cadence> fitting(List<LocalDate> dates) {
        return Arrays.stream(values()).filter(cadence -> {
            for (int i = 1; i < dates.size(); i++) {
                long days = ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i));
                if (days < cadence.minDays || days > cadence.maxDays) {
                    return false;
                }
            }
            return dates.size() > 1;
        }).findFirst();
    }

    /** When the payment after one on {@code last} is expected. */
    public LocalDate next(LocalDate last) {
        return switch (this) {
            case WEEKLY -> last.plusWeeks(1);
            case BIWEEKLY -> last.plusWeeks(2);
            case MONTHLY -> last.plusMonths(1);
            case QUARTERLY -> last.plusMonths(3);
            case YEARLY -> last.plusYears(1);
        };
    }

    /** The earliest date a payment expected on {@code expected} may come (earlier, it is another payment). */
    public LocalDate earliest(LocalDate expected) {
        return expected.minusDays(nominalDays() - minDays);
    }

    /** The last day a payment expected on {@code expected} may come before it counts as missed. */
    public LocalDate latest(LocalDate expected) {
        return expected.plusDays(graceDays);
    }

    private int nominalDays() {
        return switch (this) {
            case WEEKLY -> 7;
            case BIWEEKLY -> 14;
            case MONTHLY -> 30;
            case QUARTERLY -> 91;
            case YEARLY -> 365;
        };
    }

    /**
     * What {@code amount} at this cadence comes to per month (52 weeks or 4 quarters a year), rounded
     * half-even to {@code scale} digits: an estimate for totals, not an amount paid.
     */
    public BigDecimal perMonth(BigDecimal amount, int scale) {
        return switch (this) {
            case WEEKLY -> amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), scale, RoundingMode.HALF_EVEN);
            case BIWEEKLY -> amount.multiply(BigDecimal.valueOf(26)).divide(BigDecimal.valueOf(12), scale, RoundingMode.HALF_EVEN);
            case MONTHLY -> amount.setScale(scale, RoundingMode.HALF_EVEN);
            case QUARTERLY -> amount.divide(BigDecimal.valueOf(3), scale, RoundingMode.HALF_EVEN);
            case YEARLY -> amount.divide(BigDecimal.valueOf(12), scale, RoundingMode.HALF_EVEN);
        };
    }

    /** {@code monthly}, as a sentence says it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
