package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.RecentCharge;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.flow.TransactionChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * DUPLICATE_CHARGE: a charge of at least the minimum whose user, merchant (or description when there
 * is no merchant) and base amount equal those of another transaction booked within the window.
 * {@value StoreNames#RECENT_CHARGES} remembers the latest charge per {@code userId|merchant|amount};
 * a version that replaces or removes a charge takes its entry out, so a withdrawn charge is never
 * the "original" of a duplicate. Raised on a transaction's first live version only.
 */
public final class DuplicateChargeDetector implements FixedKeyProcessor<String, TransactionChange, Alert> {

    private final long windowDays;
    private final BigDecimal minimum;
    private FixedKeyProcessorContext<String, Alert> context;
    private TimestampedKeyValueStore<String, RecentCharge> recentCharges;

    public DuplicateChargeDetector(TopologySettings settings) {
        this.windowDays = settings.duplicateChargeWindow().toDays();
        this.minimum = settings.duplicateChargeMinimum();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.recentCharges = context.getStateStore(StoreNames.RECENT_CHARGES);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        TransactionChange change = record.value();
        if (change.previous() != null && isCharge(change.previous())) {
            forget(change.previous());
        }
        EnrichedTransaction charge = change.current();
        if (charge.getRemoved() || !isCharge(charge)) {
            return;
        }
        String key = keyOf(charge);
        RecentCharge earlier = ValueAndTimestamp.getValueOrNull(recentCharges.get(key));
        if (change.isFirstLiveVersion() && earlier != null && !earlier.getTransactionId().equals(charge.getTransactionId())
                && Math.abs(ChronoUnit.DAYS.between(earlier.getBookedAt(), charge.getBookedAt())) <= windowDays) {
            context.forward(record.withValue(alert(charge, earlier, record.timestamp())));
        }
        if (earlier == null || !charge.getBookedAt().isBefore(earlier.getBookedAt())) {
            recentCharges.put(key, ValueAndTimestamp.make(
                    new RecentCharge(charge.getTransactionId(), charge.getBookedAt()), record.timestamp()));
        }
    }

    private boolean isCharge(EnrichedTransaction transaction) {
        return transaction.getBaseAmount().signum() < 0 && transaction.getBaseAmount().negate().compareTo(minimum) >= 0;
    }

    private void forget(EnrichedTransaction replaced) {
        String key = keyOf(replaced);
        RecentCharge remembered = ValueAndTimestamp.getValueOrNull(recentCharges.get(key));
        if (remembered != null && remembered.getTransactionId().equals(replaced.getTransactionId())) {
            recentCharges.delete(key);
        }
    }

    private static String keyOf(EnrichedTransaction charge) {
        return StoreNames.recentChargeKey(charge.getUserId(), AlertFormat.payee(charge).toLowerCase(Locale.ROOT),
                charge.getBaseAmount().toPlainString());
    }

    private static Alert alert(EnrichedTransaction charge, RecentCharge earlier, long timestamp) {
        BigDecimal paid = charge.getBaseAmount().negate();
        String first = earlier.getTransactionId().compareTo(charge.getTransactionId()) < 0
                ? earlier.getTransactionId() : charge.getTransactionId();
        String second = first.equals(charge.getTransactionId()) ? earlier.getTransactionId() : charge.getTransactionId();
        return Alert.newBuilder()
                .setAlertId(AlertIds.of(AlertType.DUPLICATE_CHARGE, charge.getUserId(), first, second))
                .setUserId(charge.getUserId())
                .setType(AlertType.DUPLICATE_CHARGE)
                .setSeverity(Severity.WARNING)
                .setTransactionId(charge.getTransactionId())
                .setBookedAt(charge.getBookedAt())
                .setAmount(paid)
                .setCurrency(charge.getBaseCurrency())
                .setMerchant(charge.getMerchant())
                .setMessage("Possible duplicate charge of " + AlertFormat.money(paid, charge.getBaseCurrency()) + " at "
                        + AlertFormat.payee(charge) + " on " + charge.getBookedAt() + ": transaction "
                        + earlier.getTransactionId() + " of " + earlier.getBookedAt() + " looks the same")
                .setCreatedAt(Instant.ofEpochMilli(timestamp))
                .build();
    }
}
