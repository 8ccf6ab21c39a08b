package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.Copies;
import io.ledgerstream.topology.flow.TransactionChange;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Records a user's category corrections (topic category.corrections, key userId) in
 * {@value StoreNames#CATEGORY_CORRECTIONS}, where later transactions find them. A merchant correction
 * becomes a merchant rule ({@code userId|m:<merchant>}); a transaction correction becomes a rule for
 * that transaction ({@code userId|t:<id>}) and, when the transaction is known with a merchant, a rule
 * for that merchant too. A corrected transaction that is already known and live, with another category,
 * is re-categorized at once: the change from its version to the corrected one is forwarded, to be
 * written and aggregated like any new version (so summaries move the amount to the new category).
 * A merchant correction applies to the merchant's later transactions only.
 */
public final class CategoryCorrectionProcessor implements Processor<String, CategoryCorrection, String, TransactionChange> {

    private ProcessorContext<String, TransactionChange> context;
    private TimestampedKeyValueStore<String, CategoryCorrection> corrections;
    private TimestampedKeyValueStore<String, TransactionVersion> versions;

    @Override
    public void init(ProcessorContext<String, TransactionChange> context) {
        this.context = context;
        this.corrections = context.getStateStore(StoreNames.CATEGORY_CORRECTIONS);
        this.versions = context.getStateStore(StoreNames.TRANSACTION_VERSIONS);
    }

    @Override
    public void process(Record<String, CategoryCorrection> record) {
        CategoryCorrection correction = record.value();
        if (record.key() == null || correction == null || correction.getCategory() == null) {
            return;
        }
        String userId = record.key();
        if (isPresent(correction.getMerchant())) {
            put(StoreNames.merchantCorrectionKey(userId, correction.getMerchant()), correction, record.timestamp());
        }
        if (isPresent(correction.getTransactionId())) {
            put(StoreNames.transactionCorrectionKey(userId, correction.getTransactionId()), correction, record.timestamp());
            TransactionVersion known = ValueAndTimestamp.getValueOrNull(
                    versions.get(StoreNames.versionKey(userId, correction.getTransactionId())));
            String merchant = known == null ? null : known.getTransaction().getMerchant();
            if (isPresent(merchant) && !isPresent(correction.getMerchant())) {
                CategoryCorrection merchantRule = CategoryCorrection.newBuilder(correction).setMerchant(merchant).build();
                put(StoreNames.merchantCorrectionKey(userId, merchant), merchantRule, record.timestamp());
            }
            if (known != null) {
                recategorize(userId, known, correction.getCategory(), record.timestamp());
            }
        }
    }

    private void recategorize(String userId, TransactionVersion known, Category category, long timestamp) {
        EnrichedTransaction current = known.getTransaction();
        if (current.getRemoved() || current.getCategory() == category) {
            return;
        }
        EnrichedTransaction corrected = Copies.shallow(current);
        corrected.setCategory(category);
        corrected.setSubcategory(null);
        corrected.setCategorySource(CategorySource.USER_CORRECTION);
        corrected.setCategoryConfidence(1.0);
        corrected.setModelVersion(null);
        corrected.setEssential(Categories.isEssentialByDefault(category));
        context.forward(new Record<>(userId, new TransactionChange(known.getContentHash(), current, corrected), timestamp));
    }

    private void put(String key, CategoryCorrection correction, long timestamp) {
        corrections.put(key, ValueAndTimestamp.make(correction, timestamp));
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
