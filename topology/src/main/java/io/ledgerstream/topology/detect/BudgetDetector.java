package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.aggregate.MonthlySummaries;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.aggregate.MonthChange;
import io.ledgerstream.topology.categorize.Categories;
import io.ledgerstream.topology.settings.UserSettingsView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * BUDGET_THRESHOLD: a category's spending in a month crossed 50%, 80% or 100% of the user's monthly
 * budget for it ({@code UserSettings.budgets}). Spending is the month summary's figure for the
 * category, so refunds count against it. Each threshold is told once per category and month: the
 * alert id is made of the month, category and threshold, and when one payment crosses several, only
 * the highest is told (and a lower one is not told later, after a refund brought spending back).
 */
public final class BudgetDetector implements FixedKeyProcessor<String, MonthChange, Alert> {

    /** Highest first. */
    static final List<Integer> THRESHOLDS = List.of(100, 80, 50);

    private final TopologySettings defaults;
    private FixedKeyProcessorContext<String, Alert> context;
    private UserSettingsView settings;
    private TimestampedKeyValueStore<String, Alert> alerts;

    public BudgetDetector(TopologySettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.settings = new UserSettingsView(context.getStateStore(StoreNames.USER_SETTINGS), defaults);
        this.alerts = context.getStateStore(StoreNames.ALERTS);
    }

    @Override
    public void process(FixedKeyRecord<String, MonthChange> record) {
        MonthChange change = record.value();
        EnrichedTransaction transaction = change.transaction();
        Category category = transaction.getCategory();
        if (Categories.isMoneyIn(category)) {
            return;
        }
        Optional<BigDecimal> budget = settings.budget(transaction.getUserId(), category);
        if (budget.isEmpty()) {
            return;
        }
        BigDecimal before = MonthlySummaries.spent(change.before(), category);
        BigDecimal after = MonthlySummaries.spent(change.after(), category);
        for (int threshold : THRESHOLDS) {
            BigDecimal limit = budget.get().multiply(BigDecimal.valueOf(threshold)).movePointLeft(2);
            if (before.compareTo(limit) < 0 && after.compareTo(limit) >= 0) {
                if (!toldAlready(transaction.getUserId(), change, category, threshold)) {
                    context.forward(record.withValue(alert(record, change, budget.get(), after, threshold)));
                }
                return;
            }
        }
    }

    /** Whether this threshold or a higher one was told for the category and month. */
    private boolean toldAlready(String userId, MonthChange change, Category category, int threshold) {
        return THRESHOLDS.stream().filter(t -> t >= threshold)
                .anyMatch(t -> alerts.get(StoreNames.alertKey(userId, id(userId, change, category, t))) != null);
    }

    private static String id(String userId, MonthChange change, Category category, int threshold) {
        return AlertIds.of(AlertType.BUDGET_THRESHOLD, userId, change.month().toString(), category.name(),
                Integer.toString(threshold));
    }

    private static Alert alert(FixedKeyRecord<String, MonthChange> record, MonthChange change, BigDecimal budget,
                               BigDecimal spent, int threshold) {
        EnrichedTransaction transaction = change.transaction();
        String currency = change.after().getCurrency();
        int percent = spent.multiply(BigDecimal.valueOf(100)).divide(budget, 0, RoundingMode.DOWN).intValue();
        String what = Character.toUpperCase(AlertFormat.category(transaction.getCategory()).charAt(0))
                + AlertFormat.category(transaction.getCategory()).substring(1);
        String message = threshold == 100
                ? what + " is over budget in " + change.month() + ": " + AlertFormat.money(spent, currency)
                        + " spent of " + AlertFormat.money(budget, currency) + " (" + percent + "%)"
                : what + ": " + AlertFormat.money(spent, currency) + " spent in " + change.month() + ", " + percent
                        + "% of your " + AlertFormat.money(budget, currency) + " budget";
        return Alert.newBuilder()
                .setAlertId(id(transaction.getUserId(), change, transaction.getCategory(), threshold))
                .setUserId(transaction.getUserId())
                .setType(AlertType.BUDGET_THRESHOLD)
                .setSeverity(threshold == 100 ? Severity.CRITICAL : threshold == 80 ? Severity.WARNING : Severity.INFO)
                .setTransactionId(transaction.getTransactionId())
                .setBookedAt(transaction.getBookedAt())
                .setAmount(spent)
                .setCurrency(currency)
                .setMerchant(transaction.getMerchant())
                .setMonth(change.month().toString())
                .setCategory(transaction.getCategory())
                .setMessage(message)
                .setCreatedAt(Instant.ofEpochMilli(record.timestamp()))
                .build();
    }

}
