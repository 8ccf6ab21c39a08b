package io.ledgerstream.launcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Expected monthly summaries, computed from the scenario's own record of what it wrote, with the
 * test's own currency conversion: nothing here calls the code under test.
 */
final class GroundTruth {

    /** A summary as the API shows it: money as decimal strings with two decimals. */
    record Summary(String income, String expenses, String net, long transactionCount,
                   Map<String, String> byCategory, String essential, String discretionary) {
    }

    private GroundTruth() {
    }

    /** userId → month → expected summary, in EUR. */
    static Map<String, NavigableMap<YearMonth, Summary>> summaries(
            StatementScenario scenario, Map<String, NavigableMap<LocalDate, BigDecimal>> ratesPerEur) {
        Map<String, NavigableMap<YearMonth, Accumulator>> sums = new TreeMap<>();
        for (StatementScenario.Line line : scenario.liveTransactions()) {
            BigDecimal eur = line.currency().equals("EUR") ? line.amount()
                    : StatementScenario.toEur(line.amount(), ratesPerEur.get(line.currency())
                            .floorEntry(line.bookedAt()).getValue());
            sums.computeIfAbsent(line.userId(), u -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(line.bookedAt()), m -> new Accumulator())
                    .add(eur, StatementScenario.expectationOf(line));
        }
        Map<String, NavigableMap<YearMonth, Summary>> result = new TreeMap<>();
        sums.forEach((user, months) -> {
            NavigableMap<YearMonth, Summary> byMonth = new TreeMap<>();
            months.forEach((month, acc) -> byMonth.put(month, acc.toSummary()));
            result.put(user, byMonth);
        });
        return result;
    }

    private static final class Accumulator {
        BigDecimal income = BigDecimal.ZERO;
        BigDecimal expenses = BigDecimal.ZERO;
        BigDecimal essential = BigDecimal.ZERO;
        BigDecimal discretionary = BigDecimal.ZERO;
        long count;
        final Map<String, BigDecimal> byCategory = new TreeMap<>();

        void add(BigDecimal amount, StatementScenario.Expectation expected) {
            count++;
            if (amount.signum() > 0) {
                income = income.add(amount);
            } else {
                expenses = expenses.subtract(amount);
            }
            BigDecimal categoryFigure = expected.moneyInCategory() ? amount : amount.negate();
            byCategory.merge(expected.category(), categoryFigure, BigDecimal::add);
            if (!expected.moneyInCategory()) {
                if (expected.essential()) {
                    essential = essential.subtract(amount);
                } else {
                    discretionary = discretionary.subtract(amount);
                }
            }
        }

        Summary toSummary() {
            Map<String, String> categories = new TreeMap<>();
            // a category whose total came back to zero is not listed, as in the API
            byCategory.forEach((c, v) -> {
                if (v.signum() != 0) {
                    categories.put(c, money(v));
                }
            });
            return new Summary(money(income), money(expenses), money(income.subtract(expenses)), count,
                    categories, money(essential), money(discretionary));
        }
    }

    static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
