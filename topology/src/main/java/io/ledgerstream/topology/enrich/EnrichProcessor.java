package io.ledgerstream.topology.enrich;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.flow.Checked;
import io.ledgerstream.topology.flow.PendingVersion;
import io.ledgerstream.topology.flow.TransactionChange;
import io.ledgerstream.topology.reject.DeadLetters;
import io.ledgerstream.topology.reject.Rejection;
import io.ledgerstream.topology.reject.RejectionReason;
import io.ledgerstream.topology.settings.UserSettingsView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Turns a pending version into an enriched transaction: description redacted, merchant normalized,
 * amount converted into the user's base currency at the booking date's rate. The category is left
 * UNCATEGORIZED for the categorize step. A removal needs none of this: it carries the version it
 * withdraws, marked removed. Without a rate the record becomes a NO_FX_RATE dead letter.
 */
public final class EnrichProcessor implements FixedKeyProcessor<String, PendingVersion, Checked<TransactionChange>> {

    private final TopologySettings defaults;
    private FixedKeyProcessorContext<String, Checked<TransactionChange>> context;
    private UserSettingsView settings;
    private FxConverter converter;

    public EnrichProcessor(TopologySettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Checked<TransactionChange>> context) {
        this.context = context;
        this.settings = new UserSettingsView(context.getStateStore(StoreNames.USER_SETTINGS), defaults);
        TimestampedKeyValueStore<String, FxRate> rates = context.getStateStore(StoreNames.FX_RATES);
        this.converter = new FxConverter(new FxRateStore(rates));
    }

    @Override
    public void process(FixedKeyRecord<String, PendingVersion> record) {
        PendingVersion pending = record.value();
        RawTransaction raw = pending.incoming().raw();
        if (raw.getRemoved()) {
            EnrichedTransaction withdrawn = EnrichedTransaction.newBuilder(pending.previous()).setRemoved(true).build();
            context.forward(record.withValue(Checked.accepted(
                    new TransactionChange(pending.contentHash(), pending.previous(), withdrawn))));
            return;
        }
        LocalDate bookedAt = LocalDate.parse(raw.getBookedAt());
        BigDecimal amount = new BigDecimal(raw.getAmount()).setScale(FxConverter.WIRE_SCALE, RoundingMode.UNNECESSARY);
        String baseCurrency = settings.baseCurrency(raw.getUserId());
        FxConverter.Conversion conversion = converter.convert(amount, raw.getCurrency(), bookedAt, baseCurrency);
        if (!conversion.converted()) {
            Rejection noRate = new Rejection(RejectionReason.NO_FX_RATE, "currency", "no " + conversion.missingRateCurrency()
                    + " rate published on or before " + bookedAt + " to convert " + raw.getCurrency() + " into "
                    + baseCurrency);
            context.forward(record.withValue(Checked.rejected(DeadLetters.of(noRate, context.recordMetadata().orElse(null),
                    record.key(), pending.incoming().originalValue(), record.timestamp()))));
            return;
        }
        String description = DescriptionRedactor.redact(raw.getDescription() == null ? "" : raw.getDescription());
        EnrichedTransaction enriched = EnrichedTransaction.newBuilder()
                .setTransactionId(raw.getTransactionId())
                .setUserId(raw.getUserId())
                .setAccountId(raw.getAccountId())
                .setBookedAt(bookedAt)
                .setAmount(amount)
                .setCurrency(raw.getCurrency())
                .setBaseAmount(conversion.baseAmount())
                .setBaseCurrency(baseCurrency)
                .setDescription(description)
                .setMerchant(MerchantNormalizer.normalize(raw.getMerchant(), description))
                .setMcc(raw.getMcc() == null || raw.getMcc().isBlank() ? null : raw.getMcc())
                .setCategory(Category.UNCATEGORIZED)
                .setSubcategory(null)
                .setCategorySource(CategorySource.NONE)
                .setEssential(false)
                .setRemoved(false)
                .build();
        context.forward(record.withValue(Checked.accepted(
                new TransactionChange(pending.contentHash(), pending.previous(), enriched))));
    }
}
