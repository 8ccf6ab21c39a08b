package io.ledgerstream.api.insight;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.aggregate.MonthlySummaries;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.categorize.Categories;
import io.ledgerstream.topology.detect.Cadence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What is worth saying about a user's month, by rules anyone can check (no model is reachable here):
 * the month's spending against the month before, the categories that changed most, where the
 * running month is heading against each budget, and what subscriptions and bills cost per month.
 * All figures exact; a projection is rounded to the currency's minor unit.
 */
public final class Insights {

    /** One thing to tell, with what it is about. */
    public record Insight(String kind, String message, Category category, BigDecimal amount) {
    }

    static final int CHANGES = 3;

    private Insights() {
    }

    /**
     * @param month     the month to speak of
     * @param months    every summary of the user
     * @param today     today, for the running month's projection (no projection for another month)
     */
    public static List<Insight> of(YearMonth month, List<MonthlySummary> months, Optional<UserSettings> settings,
                                   List<PaymentSeries> recurring, LocalDate today) {
        List<Insight> insights = new ArrayList<>();
        Optional<MonthlySummary> now = find(months, month);
        Optional<MonthlySummary> before = find(months, month.minusMonths(1));
        now.ifPresent(summary -> {
            before.ifPresent(previous -> insights.add(total(summary, previous)));
            insights.addAll(changes(summary, before.orElse(null)));
            if (month.equals(YearMonth.from(today))) {
                settings.ifPresent(user -> insights.addAll(projections(summary, user, today)));
            }
        });
        subscriptions(recurring).ifPresent(insights::add);
        return insights;
    }

    private static Insight total(MonthlySummary now, MonthlySummary before) {
        BigDecimal change = now.getExpenses().subtract(before.getExpenses());
        String currency = now.getCurrency();
        String message = "You spent " + money(now.getExpenses(), currency) + " in " + now.getMonth() + ", "
                + (change.signum() == 0 ? "as much as" : money(change.abs(), currency) + (change.signum() > 0 ? " more" : " less")
                + " than") + " in " + before.getMonth() + " (" + money(before.getExpenses(), currency) + ")";
        return new Insight("MONTH_TOTAL", message, null, now.getExpenses());
    }

    /** The money-out categories whose spending changed most from the month before, largest first. */
    private static List<Insight> changes(MonthlySummary now, MonthlySummary before) {
        TreeSet<String> names = new TreeSet<>(now.getByCategory().keySet());
        if (before != null) {
            names.addAll(before.getByCategory().keySet());
        }
        String currency = now.getCurrency();
        return names.stream()
                .map(Category::valueOf)
                .filter(category -> !Categories.isMoneyIn(category))
                .map(category -> {
                    BigDecimal spent = MonthlySummaries.spent(now, category);
                    BigDecimal earlier = MonthlySummaries.spent(before, category);
                    return Map.entry(category, new BigDecimal[] {spent, earlier, spent.subtract(earlier)});
                })
                .filter(entry -> entry.getValue()[2].abs().compareTo(BigDecimal.ONE) >= 0)
                .sorted(Comparator.comparing((Map.Entry<Category, BigDecimal[]> entry) -> entry.getValue()[2].abs()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(CHANGES)
                .map(entry -> {
                    Category category = entry.getKey();
                    BigDecimal spent = entry.getValue()[0];
                    BigDecimal earlier = entry.getValue()[1];
                    BigDecimal change = entry.getValue()[2];
                    String what = capitalized(category) + ": " + money(spent, currency) + " in " + now.getMonth();
                    String message;
                    if (before == null || earlier.signum() == 0) {
                        message = what + ", none the month before";
                    } else {
                        BigDecimal percent = change.multiply(BigDecimal.valueOf(100)).divide(earlier, 0, RoundingMode.HALF_UP);
                        message = what + ", " + (change.signum() > 0 ? "up " : "down ") + money(change.abs(), currency)
                                + " (" + (change.signum() > 0 ? "+" : "") + percent + "%) on " + before.getMonth();
                    }
                    return new Insight("CATEGORY_CHANGE", message, category, change);
                })
                .toList();
    }

    /** Each budgeted category's spending so far, carried on at the same pace to the month's end. */
    private static List<Insight> projections(MonthlySummary now, UserSettings user, LocalDate today) {
        String currency = now.getCurrency();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        List<Insight> projections = new ArrayList<>();
        user.getBudgets().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(budget -> {
            Category category = Category.valueOf(budget.getKey());
            BigDecimal limit = budget.getValue();
            if (limit.signum() <= 0 || Categories.isMoneyIn(category)) {
                return;
            }
            BigDecimal projected = MonthlySummaries.spent(now, category).multiply(BigDecimal.valueOf(today.lengthOfMonth()))
                    .divide(BigDecimal.valueOf(today.getDayOfMonth()), digits, RoundingMode.HALF_EVEN);
            int percent = projected.multiply(BigDecimal.valueOf(100)).divide(limit, 0, RoundingMode.HALF_UP).intValue();
            String message = "At this pace " + category(category) + " ends " + now.getMonth() + " at "
                    + money(projected, currency) + ": " + (percent > 100 ? (percent - 100) + "% over its "
                    : percent + "% of its ") + money(limit, currency) + " budget";
            projections.add(new Insight("BUDGET_PROJECTION", message, category, projected));
        });
        return projections;
    }

    private static Optional<Insight> subscriptions(List<PaymentSeries> recurring) {
        if (recurring.isEmpty()) {
            return Optional.empty();
        }
        String currency = recurring.getFirst().getCurrency();
        List<PaymentSeries> same = recurring.stream().filter(series -> series.getCurrency().equals(currency)).toList();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal total = same.stream()
                .map(series -> Cadence.valueOf(series.getCadence()).perMonth(series.getAmount(), digits))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String message = "Subscriptions and bills: " + money(total, currency) + " a month across " + same.size() + " ("
                + String.join(", ", same.stream().map(PaymentSeries::getMerchant).toList()) + ")";
        return Optional.of(new Insight("SUBSCRIPTIONS", message, null, total));
    }

    private static Optional<MonthlySummary> find(List<MonthlySummary> months, YearMonth month) {
        return months.stream().filter(summary -> summary.getMonth().equals(month.toString())).findFirst();
    }


    private static String category(Category category) {
        return category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalized(Category category) {
        String words = category(category);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code 1,234.50 EUR}: grouped, at the currency's minor unit. */
    private static String money(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return String.format(Locale.ROOT, "%,." + digits + "f", amount) + " " + currency;
    }
}
