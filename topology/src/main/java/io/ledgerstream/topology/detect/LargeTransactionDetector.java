package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.flow.TransactionChange;
import io.ledgerstream.topology.settings.UserSettingsView;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * LARGE_TRANSACTION: money out whose base amount is at least the user's threshold (or the default),
 * raised on a transaction's first live version only, so a correction of the same payment does not
 * raise it again.
 */
public final class LargeTransactionDetector implements FixedKeyProcessor<String, TransactionChange, Alert> {

    private final TopologySettings defaults;
    private FixedKeyProcessorContext<String, Alert> context;
    private UserSettingsView settings;

    public LargeTransactionDetector(TopologySettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.settings = new UserSettingsView(context.getStateStore(StoreNames.USER_SETTINGS), defaults);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        Optional<BigDecimal> newPayment = record.value().newPayment();
        EnrichedTransaction payment = record.value().current();
        if (newPayment.isEmpty() || newPayment.get().compareTo(settings.largeTransactionThreshold(payment.getUserId())) < 0) {
            return;
        }
        BigDecimal paid = newPayment.get();
        Alert alert = PaymentAlert.of(AlertType.LARGE_TRANSACTION, Severity.WARNING, payment, paid,
                "Large payment of " + AlertFormat.money(paid, payment.getBaseCurrency()) + " to " + AlertFormat.payee(payment),
                record.timestamp());
        context.forward(record.withValue(alert));
    }
}
