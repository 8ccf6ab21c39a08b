package io.ledgerstream.topology.aggregate;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.categorize.Categories;
import io.ledgerstream.topology.flow.Copies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of a monthly summary, in the base currency, exact, at scale 4:
 * <ul>
 *   <li>income = Σ positive base amounts; expenses = Σ |negative base amounts|; net = income − expenses
 *       is derived, not stored;</li>
 *   <li>byCategory: for INCOME, TRANSFER_IN and LOAN_DISBURSEMENTS Σ base amount, for every other
 *       category −Σ base amount, so spending is positive and a refund reduces it; a category whose
 *       figure returns to zero is left out;</li>
 *   <li>essential / discretionary = −Σ base amount over money-out categories tagged essential / not.</li>
 * </ul>
 * A transaction is added, or subtracted when a later version replaces or removes it.
 */
public final class MonthlySummaries {

    private static final int SCALE = 4;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private MonthlySummaries() {
    }

    /** The month a transaction counts in: its booking date's. */
    public static YearMonth monthOf(EnrichedTransaction transaction) {
        return YearMonth.from(transaction.getBookedAt());
    }

    /** An empty summary for the user and month. */
    public static MonthlySummary empty(String userId, YearMonth month, String currency) {
        return new MonthlySummary(userId, month.toString(), currency, ZERO, ZERO, 0L, new HashMap<>(), ZERO, ZERO);
    }

    /** {@code summary} with {@code transaction} counted; null counts as empty. */
    public static MonthlySummary add(MonthlySummary summary, EnrichedTransaction transaction) {
        MonthlySummary base = summary != null ? summary
                : empty(transaction.getUserId(), monthOf(transaction), transaction.getBaseCurrency());
        MonthlySummary added = apply(base, transaction, 1);
        added.setCurrency(transaction.getBaseCurrency());
        return added;
    }

    /** {@code summary} without {@code transaction}, which it must have counted before. */
    public static MonthlySummary subtract(MonthlySummary summary, EnrichedTransaction transaction) {
        return apply(summary, transaction, -1);
    }

    /**
     * The month's figure for one category (spending positive for a money-out category, refunds taken
     * off); zero when the summary is null or has none.
     */
    public static BigDecimal spent(MonthlySummary summary, Category category) {
        return summary == null ? BigDecimal.ZERO : summary.getByCategory().getOrDefault(category.name(), BigDecimal.ZERO);
    }

    /** Net figure of the month: income − expenses. */
    public static BigDecimal net(MonthlySummary summary) {
        return summary.getIncome().subtract(summary.getExpenses());
    }

    private static MonthlySummary apply(MonthlySummary summary, EnrichedTransaction transaction, int sign) {
        BigDecimal amount = transaction.getBaseAmount().setScale(SCALE, RoundingMode.UNNECESSARY);
        BigDecimal signed = sign > 0 ? amount : amount.negate();
        MonthlySummary result = Copies.shallow(summary);
        if (amount.signum() > 0) {
            result.setIncome(result.getIncome().add(signed));
        } else {
            result.setExpenses(result.getExpenses().subtract(signed));
        }
        result.setTransactionCount(result.getTransactionCount() + sign);
        boolean moneyIn = Categories.isMoneyIn(transaction.getCategory());
        Map<String, BigDecimal> byCategory = new HashMap<>(result.getByCategory());
        BigDecimal categoryFigure = byCategory.getOrDefault(transaction.getCategory().name(), ZERO)
                .add(moneyIn ? signed : signed.negate());
        if (categoryFigure.signum() == 0) {
            byCategory.remove(transaction.getCategory().name());
        } else {
            byCategory.put(transaction.getCategory().name(), categoryFigure);
        }
        result.setByCategory(byCategory);
        if (!moneyIn) {
            if (transaction.getEssential()) {
                result.setEssential(result.getEssential().subtract(signed));
            } else {
                result.setDiscretionary(result.getDiscretionary().subtract(signed));
            }
        }
        return result;
    }
}
