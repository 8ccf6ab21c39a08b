package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.Copies;
import io.ledgerstream.topology.flow.TransactionChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Subscriptions and bills: a user's payments to each merchant ({@value StoreNames#RECURRING_PAYMENTS}),
 * and three alerts about them.
 * <ul>
 *   <li>NEW_SUBSCRIPTION: the latest payments to a merchant came at one {@link Cadence} with steady
 *       amounts: three payments within {@value #STEADY_PERCENT}% of their median for monthly to
 *       yearly (bills vary), four within {@value #STEADY_WEEKLY_PERCENT}% for weekly and fortnightly
 *       (a weekly shop at one supermarket is not a subscription);
 *   <li>PRICE_INCREASE: a payment of a series with a fixed price (its two payments before paid the
 *       same), on time, is at least {@value #RISE_PERCENT}% and {@value #RISE_MINIMUM} above it; a bill
 *       that varies has no price to increase;
 *   <li>MISSED_PAYMENT: the user's transactions have gone past an expected date and its grace with no
 *       payment to the merchant, whose latest four payments kept the cadence (an established series,
 *       not three payments that happened to line up). The user's clock is their latest payment's booking date, not the
 *       wall clock, so an imported old statement is judged by its own time; and the check runs on a
 *       wall-clock schedule ({@link #CHECK_INTERVAL}), not on each record, so a statement imported
 *       newest first is all in before anything is called missed.
 * </ul>
 * A payment earlier than the next expected one can be (an extra purchase at the same shop) leaves the
 * series as it is. Only a payment's first live version counts.
 */
public final class RecurringPaymentDetector implements Processor<String, TransactionChange, String, Alert> {

    static final Duration CHECK_INTERVAL = Duration.ofHours(1);
    static final int HISTORY = 12;
    static final int STEADY_PERCENT = 20;
    static final int STEADY_WEEKLY_PERCENT = 5;
    static final int RISE_PERCENT = 2;
    static final String RISE_MINIMUM = "0.50";

    private ProcessorContext<String, Alert> context;
    private TimestampedKeyValueStore<String, PaymentSeries> series;

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.series = context.getStateStore(StoreNames.RECURRING_PAYMENTS);
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkMissed);
    }

    @Override
    public void process(Record<String, TransactionChange> record) {
        Optional<BigDecimal> newPayment = record.value().newPayment();
        EnrichedTransaction payment = record.value().current();
        if (newPayment.isEmpty() || payment.getMerchant() == null || payment.getMerchant().isBlank()) {
            return;
        }
        BigDecimal paid = newPayment.get();
        String key = StoreNames.recurringPaymentsKey(payment.getUserId(), payment.getMerchant());
        PaymentSeries current = ValueAndTimestamp.getValueOrNull(series.get(key));
        PaymentSeries next = current == null
                ? new PaymentSeries(payment.getMerchant(), payment.getCategory(), payment.getBaseCurrency(),
                        new ArrayList<>(), null, null, null, null)
                : Copies.shallow(current);
        SeriesPayment entry = new SeriesPayment(payment.getTransactionId(), payment.getBookedAt(), paid);
        List<SeriesPayment> payments = new ArrayList<>(next.getPayments());
        payments.add(entry);
        payments.sort((a, b) -> a.getDate().compareTo(b.getDate()));
        if (payments.size() > HISTORY) {
            payments.subList(0, payments.size() - HISTORY).clear();
        }
        next.setPayments(payments);
        Optional<Alert> alert = next.getCadence() == null ? startIfRecurring(next, record, payment)
                : continueSeries(next, entry, record, payment);
        series.put(key, ValueAndTimestamp.make(next, record.timestamp()));
        alert.ifPresent(a -> context.forward(record.withValue(a)));
    }

    private Optional<Alert> startIfRecurring(PaymentSeries next, Record<String, TransactionChange> record,
                                             EnrichedTransaction payment) {
        List<SeriesPayment> payments = next.getPayments();
        Optional<Cadence> cadence = Optional.empty();
        for (int count : new int[] {3, 4}) {
            if (payments.size() < count) {
                break;
            }
            List<SeriesPayment> latest = payments.subList(payments.size() - count, payments.size());
            Optional<Cadence> fitting = Cadence.fitting(latest.stream().map(SeriesPayment::getDate).toList());
            boolean weekly = fitting.isPresent() && (fitting.get() == Cadence.WEEKLY || fitting.get() == Cadence.BIWEEKLY);
            if (fitting.isPresent() && count == (weekly ? 4 : 3)
                    && steady(latest.stream().map(SeriesPayment::getAmount).toList(),
                            weekly ? STEADY_WEEKLY_PERCENT : STEADY_PERCENT)) {
                cadence = fitting;
                break;
            }
        }
        if (cadence.isEmpty()) {
            return Optional.empty();
        }
        SeriesPayment last = payments.get(payments.size() - 1);
        next.setCadence(cadence.get().name());
        next.setAmount(last.getAmount());
        next.setNextExpected(cadence.get().next(last.getDate()));
        return Optional.of(alert(AlertType.NEW_SUBSCRIPTION, Severity.INFO, payment, record.timestamp(),
                "New recurring payment: " + next.getMerchant() + ", " + AlertFormat.money(last.getAmount(),
                        next.getCurrency()) + " " + cadence.get().word() + " (" + AlertFormat.category(next.getCategory())
                        + ")"));
    }

    private Optional<Alert> continueSeries(PaymentSeries next, SeriesPayment entry, Record<String, TransactionChange> record,
                                           EnrichedTransaction payment) {
        Cadence cadence = Cadence.valueOf(next.getCadence());
        if (next.getNextExpected() != null && entry.getDate().isBefore(cadence.earliest(next.getNextExpected()))) {
            return Optional.empty(); // an extra payment, not the expected one
        }
        BigDecimal before = next.getAmount();
        boolean fixedPrice = fixedPrice(next.getPayments(), entry, before);
        next.setAmount(entry.getAmount());
        next.setNextExpected(cadence.next(entry.getDate()));
        BigDecimal rise = entry.getAmount().subtract(before);
        boolean risen = fixedPrice && rise.compareTo(new BigDecimal(RISE_MINIMUM)) >= 0
                && rise.multiply(BigDecimal.valueOf(100)).compareTo(before.multiply(BigDecimal.valueOf(RISE_PERCENT))) >= 0;
        if (!risen) {
            return Optional.empty();
        }
        BigDecimal percent = rise.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
        return Optional.of(alert(AlertType.PRICE_INCREASE, Severity.WARNING, payment, record.timestamp(),
                next.getMerchant() + " now costs " + AlertFormat.money(entry.getAmount(), next.getCurrency()) + " "
                        + cadence.word() + ", up from " + AlertFormat.money(before, next.getCurrency()) + " (+"
                        + percent.toPlainString() + "%)"));
    }

    /** The wall-clock check: each user's recurring series against the user's latest payment date. */
    private void checkMissed(long now) {
        List<KeyValue<String, PaymentSeries>> user = new ArrayList<>();
        String userPrefix = null;
        try (KeyValueIterator<String, ValueAndTimestamp<PaymentSeries>> all = series.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<PaymentSeries>> entry = all.next();
                String prefix = entry.key.substring(0, entry.key.indexOf(StoreNames.SEPARATOR) + 1);
                if (!prefix.equals(userPrefix)) {
                    checkUser(user, now);
                    user.clear();
                    userPrefix = prefix;
                }
                user.add(KeyValue.pair(entry.key, entry.value.value()));
            }
        }
        checkUser(user, now);
    }

    private void checkUser(List<KeyValue<String, PaymentSeries>> user, long now) {
        LocalDate clock = user.stream().flatMap(entry -> entry.value.getPayments().stream())
                .map(SeriesPayment::getDate).max(LocalDate::compareTo).orElse(null);
        for (KeyValue<String, PaymentSeries> entry : user) {
            PaymentSeries recurring = entry.value;
            LocalDate expected = recurring.getNextExpected();
            if (recurring.getCadence() == null || expected == null || expected.equals(recurring.getMissedToldFor())
                    || !clock.isAfter(Cadence.valueOf(recurring.getCadence()).latest(expected)) || !established(recurring)) {
                continue;
            }
            String userId = entry.key.substring(0, entry.key.indexOf(StoreNames.SEPARATOR));
            SeriesPayment last = recurring.getPayments().get(recurring.getPayments().size() - 1);
            Cadence cadence = Cadence.valueOf(recurring.getCadence());
            Alert alert = Alert.newBuilder()
                    .setAlertId(AlertIds.of(AlertType.MISSED_PAYMENT, userId, entry.key, expected.toString()))
                    .setUserId(userId)
                    .setType(AlertType.MISSED_PAYMENT)
                    .setSeverity(Severity.WARNING)
                    .setTransactionId(last.getTransactionId())
                    .setBookedAt(expected)
                    .setAmount(recurring.getAmount())
                    .setCurrency(recurring.getCurrency())
                    .setMerchant(recurring.getMerchant())
                    .setCategory(recurring.getCategory())
                    .setMessage("No " + cadence.word() + " payment to " + recurring.getMerchant() + " ("
                            + AlertFormat.money(recurring.getAmount(), recurring.getCurrency()) + ") since "
                            + last.getDate() + "; it was expected around " + expected)
                    .setCreatedAt(Instant.ofEpochMilli(now))
                    .build();
            recurring.setMissedToldFor(expected);
            series.put(entry.key, ValueAndTimestamp.make(recurring, now));
            context.forward(new Record<>(userId, alert, now));
        }
    }

    private static Alert alert(AlertType type, Severity severity, EnrichedTransaction payment, long timestamp,
                               String message) {
        return PaymentAlert.of(type, severity, payment, payment.getBaseAmount().negate(), message, timestamp);
    }

    /** Whether the series' latest four payments kept its cadence. */
    private static boolean established(PaymentSeries recurring) {
        List<SeriesPayment> payments = recurring.getPayments();
        if (payments.size() < 4) {
            return false;
        }
        List<LocalDate> latest = payments.subList(payments.size() - 4, payments.size()).stream()
                .map(SeriesPayment::getDate).toList();
        return Cadence.fitting(latest).map(Cadence::name).filter(recurring.getCadence()::equals).isPresent();
    }

    /** Whether the two payments before {@code entry} both paid {@code price}. */
    private static boolean fixedPrice(List<SeriesPayment> payments, SeriesPayment entry, BigDecimal price) {
        int at = payments.indexOf(entry);
        return at >= 2 && payments.get(at - 1).getAmount().compareTo(price) == 0
                && payments.get(at - 2).getAmount().compareTo(price) == 0;
    }

    /** Whether every amount is within {@code percent}% of their median. */
    private static boolean steady(List<BigDecimal> amounts, int percent) {
        BigDecimal median = UnusualAmountDetector.median(amounts);
        BigDecimal allowed = median.multiply(BigDecimal.valueOf(percent)).movePointLeft(2);
        return amounts.stream().allMatch(amount -> amount.subtract(median).abs().compareTo(allowed) <= 0);
    }
}
