package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.aggregate.MonthlySummaries;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.aggregate.MonthChange;
import io.ledgerstream.topology.categorize.Categories;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * SPENDING_SPIKE: a category's spending this month passed a mark set by the previous
 * {@value #MONTHS} months (from {@value StoreNames#MONTHLY_SUMMARIES}): the highest of
 * {@value #MULTIPLE} times their mean, the mean plus three standard deviations (a category that
 * swings from month to month, like online shopping, needs a larger jump), and the mean plus
 * {@value #MIN_EXCESS} in the base currency. It needs spending in the category in at least
 * {@value #MIN_MONTHS} of those months (a category the user seldom pays in has no usual), and
 * counts a month of the user's without spending in the category as zero.
 * Told once per category and month, when spending crosses the mark.
 */
public final class SpendingSpikeDetector implements FixedKeyProcessor<String, MonthChange, Alert> {

    static final int MONTHS = 6;
    static final int MIN_MONTHS = 5;
    static final int MULTIPLE = 2;
    static final int MIN_EXCESS = 100;
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private FixedKeyProcessorContext<String, Alert> context;
    private TimestampedKeyValueStore<String, MonthlySummary> summaries;

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.summaries = context.getStateStore(StoreNames.MONTHLY_SUMMARIES);
    }

    @Override
    public void process(FixedKeyRecord<String, MonthChange> record) {
        MonthChange change = record.value();
        EnrichedTransaction transaction = change.transaction();
        Category category = transaction.getCategory();
        if (Categories.isMoneyIn(category) || category == Category.UNCATEGORIZED) {
            return;
        }
        BigDecimal before = MonthlySummaries.spent(change.before(), category);
        BigDecimal after = MonthlySummaries.spent(change.after(), category);
        if (after.compareTo(before) <= 0) {
            return; // spending that did not grow crosses no mark
        }
        List<BigDecimal> earlier = new ArrayList<>(MONTHS);
        for (int back = 1; back <= MONTHS; back++) {
            MonthlySummary summary = ValueAndTimestamp.getValueOrNull(summaries.get(
                    StoreNames.summaryKey(transaction.getUserId(), change.month().minusMonths(back))));
            if (summary != null) {
                earlier.add(MonthlySummaries.spent(summary, category));
            }
        }
        BigDecimal total = earlier.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int months = earlier.size();
        if (earlier.stream().filter(spent -> spent.signum() > 0).count() < MIN_MONTHS) {
            return;
        }
        BigDecimal average = total.divide(BigDecimal.valueOf(months), 4, RoundingMode.HALF_EVEN);
        BigDecimal floor = average.multiply(BigDecimal.valueOf(MULTIPLE)).max(average.add(BigDecimal.valueOf(MIN_EXCESS)));
        if (after.compareTo(floor) < 0) {
            return; // below two of the three parts of the mark: the spread's square root is not needed
        }
        BigDecimal variance = earlier.stream().map(spent -> spent.subtract(average).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(months - 1), PRECISION);
        BigDecimal mark = floor.max(average.add(variance.sqrt(PRECISION).multiply(BigDecimal.valueOf(3))));
        if (before.compareTo(mark) < 0 && after.compareTo(mark) >= 0) {
            context.forward(record.withValue(alert(record, change, average, after, months)));
        }
    }

    private static Alert alert(FixedKeyRecord<String, MonthChange> record, MonthChange change, BigDecimal average,
                               BigDecimal spent, int months) {
        EnrichedTransaction transaction = change.transaction();
        Category category = transaction.getCategory();
        String currency = change.after().getCurrency();
        String what = AlertFormat.category(category);
        return Alert.newBuilder()
                .setAlertId(AlertIds.of(AlertType.SPENDING_SPIKE, transaction.getUserId(), change.month().toString(),
                        category.name()))
                .setUserId(transaction.getUserId())
                .setType(AlertType.SPENDING_SPIKE)
                .setSeverity(Severity.INFO)
                .setTransactionId(transaction.getTransactionId())
                .setBookedAt(transaction.getBookedAt())
                .setAmount(spent)
                .setCurrency(currency)
                .setMerchant(transaction.getMerchant())
                .setMonth(change.month().toString())
                .setCategory(category)
                .setMessage(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " in " + change.month() + ": "
                        + AlertFormat.money(spent, currency) + " so far, "
                        + spent.divide(average, 1, RoundingMode.HALF_UP).toPlainString() + "× your average of "
                        + AlertFormat.money(average, currency) + " over the previous " + months + " months")
                .setCreatedAt(Instant.ofEpochMilli(record.timestamp()))
                .build();
    }

}
