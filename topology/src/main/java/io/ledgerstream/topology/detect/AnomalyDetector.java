package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.AnomalyProfile;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.detect.anomaly.PaymentContext;
import io.ledgerstream.topology.flow.TransactionChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * ANOMALOUS_TRANSACTION: a payment the isolation forest released on anomaly.models finds out of the
 * user's pattern, judged in the user's context ({@link PaymentContext}: the amount against their
 * usual, the category's place in their spending, whether and when they paid the merchant before,
 * the weekday). Every payment's first live version is learned into the profiles
 * ({@value StoreNames#ANOMALY_PROFILES}) whether or not a model is there yet, so a model released
 * later judges with the history it needs. Quiet until the user has {@value PaymentContext#MIN_HISTORY}
 * payments. The message says which parts of the context stand out.
 */
public final class AnomalyDetector implements FixedKeyProcessor<String, TransactionChange, Alert> {

    /** A category below this share of the user's payments is one they rarely pay in. */
    static final double RARE_CATEGORY = 0.02;
    /** An amount this many times the usual is worth saying. */
    static final double NOTABLE_MULTIPLE = 2;

    private final Supplier<Optional<AnomalyModel>> model;
    private FixedKeyProcessorContext<String, Alert> context;
    private PaymentContext.Profiles profiles;

    public AnomalyDetector(Supplier<Optional<AnomalyModel>> model) {
        this.model = model;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        TimestampedKeyValueStore<String, AnomalyProfile> store = context.getStateStore(StoreNames.ANOMALY_PROFILES);
        this.profiles = new PaymentContext.Profiles() {
            @Override
            public AnomalyProfile get(String key) {
                return ValueAndTimestamp.getValueOrNull(store.get(key));
            }

            @Override
            public void put(String key, AnomalyProfile profile) {
                store.put(key, ValueAndTimestamp.make(profile, context.currentSystemTimeMs()));
            }
        };
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        Optional<BigDecimal> newPayment = record.value().newPayment();
        if (newPayment.isEmpty()) {
            return;
        }
        EnrichedTransaction payment = record.value().current();
        BigDecimal paid = newPayment.get();
        Optional<PaymentContext.Judged> judged = PaymentContext.observe(payment, paid, profiles);
        Optional<AnomalyModel> current = model.get();
        if (judged.isEmpty() || current.isEmpty()) {
            return;
        }
        double score = current.get().score(judged.get().features());
        if (score < current.get().threshold()) {
            return;
        }
        String message = AlertFormat.money(paid, payment.getBaseCurrency()) + " at " + AlertFormat.payee(payment)
                + " is out of your usual pattern: " + String.join(", ", reasons(payment, paid, judged.get()))
                + String.format(Locale.ROOT, " (anomaly score %.2f, model %s)", score, current.get().version());
        context.forward(record.withValue(PaymentAlert.of(AlertType.ANOMALOUS_TRANSACTION, Severity.WARNING, payment, paid,
                message, record.timestamp())));
    }

    /** What stands out, in plain words; the forest weighs all of it, these are the parts a person can check. */
    static List<String> reasons(EnrichedTransaction payment, BigDecimal paid, PaymentContext.Judged judged) {
        List<String> reasons = new ArrayList<>();
        AnomalyProfile merchant = judged.merchant();
        if (merchant == null) {
            reasons.add("your first payment there");
        } else if (merchant.getPayments() == 1) {
            reasons.add("your second payment there, the first was on " + merchant.getLastPaidOn());
        }
        AnomalyProfile category = judged.category();
        String categoryName = AlertFormat.category(payment.getCategory());
        boolean ownBaseline = category != null && category.getPayments() >= PaymentContext.CATEGORY_HISTORY;
        AnomalyProfile baseline = ownBaseline ? category : judged.all();
        BigDecimal usual = BigDecimal.valueOf(Math.exp(baseline.getLogMean())).setScale(2, RoundingMode.HALF_UP);
        BigDecimal times = paid.divide(usual.max(new BigDecimal("0.01")), 1, RoundingMode.HALF_UP);
        if (times.doubleValue() >= NOTABLE_MULTIPLE) {
            reasons.add(times.toPlainString() + "× your typical " + (ownBaseline ? categoryName + " " : "") + "payment ("
                    + AlertFormat.money(usual, payment.getBaseCurrency()) + ")");
        }
        if (category == null) {
            reasons.add("the first time you pay for " + categoryName);
        } else if ((double) category.getPayments() / judged.all().getPayments() < RARE_CATEGORY) {
            reasons.add(categoryName + " is rare for you (" + category.getPayments() + " of your "
                    + judged.all().getPayments() + " payments)");
        }
        if (reasons.isEmpty()) {
            reasons.add("an unusual combination of amount, category, merchant and day");
        }
        return reasons;
    }
}
