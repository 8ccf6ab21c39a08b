package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.SpendingHistory;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.TransactionChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * UNUSUAL_AMOUNT: a payment far above what this user usually pays in its category. The baseline is
 * the user's latest {@value #HISTORY} payments in the category ({@value StoreNames#SPENDING_HISTORY}),
 * and "far above" is measured from its high end: at least {@value #MIN_MULTIPLE} times the 90th
 * percentile. A category mixes sizes (coffees and weekly shops are both food and drink): against the
 * median, every weekly shop of a coffee drinker would be news; against the high end, only a shop
 * far beyond any usual one is. One earlier outlier moves the 90th percentile of 50 payments by one
 * rank at most. It speaks only with at least {@value #MIN_HISTORY} payments of history and about
 * payments of at least {@value #MIN_AMOUNT} in the base currency. The message compares with the
 * median, what a person calls "usual". Each payment's first live version joins the history after it
 * is judged. Exact decimals throughout.
 */
public final class UnusualAmountDetector implements FixedKeyProcessor<String, TransactionChange, Alert> {

    static final int HISTORY = 50;
    static final int MIN_HISTORY = 20;
    static final int MIN_MULTIPLE = 3;
    static final int MIN_AMOUNT = 20;

    private FixedKeyProcessorContext<String, Alert> context;
    private TimestampedKeyValueStore<String, SpendingHistory> histories;

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.histories = context.getStateStore(StoreNames.SPENDING_HISTORY);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        Optional<BigDecimal> newPayment = record.value().newPayment();
        if (newPayment.isEmpty()) {
            return;
        }
        EnrichedTransaction payment = record.value().current();
        BigDecimal paid = newPayment.get();
        String key = StoreNames.spendingHistoryKey(payment.getUserId(), payment.getCategory());
        SpendingHistory history = ValueAndTimestamp.getValueOrNull(histories.get(key));
        List<BigDecimal> amounts = history == null ? new ArrayList<>() : new ArrayList<>(history.getAmounts());
        if (amounts.size() >= MIN_HISTORY) {
            judge(record, payment, paid, amounts);
        }
        amounts.add(paid.setScale(4, RoundingMode.UNNECESSARY));
        if (amounts.size() > HISTORY) {
            amounts.subList(0, amounts.size() - HISTORY).clear();
        }
        histories.put(key, ValueAndTimestamp.make(new SpendingHistory(amounts), record.timestamp()));
    }

    private void judge(FixedKeyRecord<String, TransactionChange> record, EnrichedTransaction payment, BigDecimal paid,
                       List<BigDecimal> amounts) {
        if (paid.compareTo(BigDecimal.valueOf(MIN_AMOUNT)) < 0) {
            return;
        }
        if (!atLeastTimesPercentile90(paid, amounts)) {
            return;
        }
        BigDecimal median = median(amounts);
        BigDecimal times = paid.divide(median, 1, RoundingMode.HALF_UP);
        String currency = payment.getBaseCurrency();
        Alert alert = PaymentAlert.of(AlertType.UNUSUAL_AMOUNT, Severity.WARNING, payment, paid,
                AlertFormat.money(paid, currency) + " at " + AlertFormat.payee(payment) + " is " + times.toPlainString()
                        + "× your usual " + AlertFormat.category(payment.getCategory()) + " payment ("
                        + AlertFormat.money(median, currency) + ", the median of your last " + amounts.size() + ")",
                record.timestamp());
        context.forward(record.withValue(alert));
    }

    /**
     * Whether {@code paid} is at least {@value #MIN_MULTIPLE} times the nearest-rank 90th percentile
     * of {@code amounts} (the smallest amount that 90% do not exceed), without sorting them: that
     * percentile is the k-th smallest amount, k = ⌈0.9 n⌉, so it qualifies exactly when at least k
     * amounts do, and at most n − k may fail. Most payments fail on the first few amounts; this runs
     * for every payment, sorting fifty decimals each time did not.
     */
    static boolean atLeastTimesPercentile90(BigDecimal paid, List<BigDecimal> amounts) {
        int rank = (int) Math.ceil(0.9 * amounts.size());
        int mayFail = amounts.size() - rank;
        BigDecimal multiple = BigDecimal.valueOf(MIN_MULTIPLE);
        for (BigDecimal amount : amounts) {
            if (amount.multiply(multiple).compareTo(paid) > 0 && --mayFail < 0) {
                return false;
            }
        }
        return true;
    }

    /** The median: the middle amount, or the mean of the two middle ones; {@code amounts} in any order. */
    static BigDecimal median(List<BigDecimal> amounts) {
        return medianOfSorted(amounts.stream().sorted().toList());
    }

    private static BigDecimal medianOfSorted(List<BigDecimal> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO);
    }
}
