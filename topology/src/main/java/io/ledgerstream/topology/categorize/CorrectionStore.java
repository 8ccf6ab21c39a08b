package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.topology.StoreNames;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** Looks corrections up in the {@value StoreNames#CATEGORY_CORRECTIONS} store. */
public final class CorrectionStore implements CorrectionLookup {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<CategoryCorrection>> store;

    public CorrectionStore(ReadOnlyKeyValueStore<String, ValueAndTimestamp<CategoryCorrection>> store) {
        this.store = store;
    }

    @Override
    public Optional<Category> forTransaction(String userId, String transactionId) {
        return categoryAt(StoreNames.transactionCorrectionKey(userId, transactionId));
    }

    @Override
    public Optional<Category> forMerchant(String userId, String merchant) {
        return categoryAt(StoreNames.merchantCorrectionKey(userId, merchant));
    }

    private Optional<Category> categoryAt(String key) {
        return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(store.get(key))).map(CategoryCorrection::getCategory);
    }
}
