package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.topology.StoreNames;
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
 * for that merchant too. Transactions already processed keep their category. Forwards nothing.
 */
public final class CategoryCorrectionProcessor implements Processor<String, CategoryCorrection, Void, Void> {

    private TimestampedKeyValueStore<String, CategoryCorrection> corrections;
    private TimestampedKeyValueStore<String, TransactionVersion> versions;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
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
        }
    }

    private void put(String key, CategoryCorrection correction, long timestamp) {
        corrections.put(key, ValueAndTimestamp.make(correction, timestamp));
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
