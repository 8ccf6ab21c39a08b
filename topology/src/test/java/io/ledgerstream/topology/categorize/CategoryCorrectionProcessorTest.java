package io.ledgerstream.topology.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.topology.StoreNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryCorrectionProcessorTest {

    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
    private TimestampedKeyValueStore<String, CategoryCorrection> corrections;
    private TimestampedKeyValueStore<String, TransactionVersion> versions;
    private final CategoryCorrectionProcessor processor = new CategoryCorrectionProcessor();

    @BeforeEach
    void initProcessor() {
        corrections = inMemoryStore(StoreNames.CATEGORY_CORRECTIONS, CategoryCorrection.class);
        versions = inMemoryStore(StoreNames.TRANSACTION_VERSIONS, TransactionVersion.class);
        processor.init(context);
    }

    private <V extends SpecificRecord> TimestampedKeyValueStore<String, V> inMemoryStore(String name, Class<V> type) {
        TimestampedKeyValueStore<String, V> store = Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.String(), serdes.value(type)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static CategoryCorrection correction(String transactionId, String merchant, Category category) {
        return new CategoryCorrection("alice", transactionId, merchant, category, Instant.EPOCH);
    }

    private List<String> correctionKeys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<CategoryCorrection>> all = corrections.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    @Test
    void shouldStoreAMerchantRuleUnderTheLowerCasedMerchant() {
        processor.process(new Record<>("alice", correction(null, "Tesco Stores", Category.GENERAL_MERCHANDISE), 5L));

        assertThat(correctionKeys()).containsExactly("alice|m:tesco stores");
    }

    @Test
    void shouldAddARuleForTheMerchantOfACorrectedTransaction() {
        EnrichedTransaction known = EnrichedTransaction.newBuilder()
                .setTransactionId("t-1").setUserId("alice").setAccountId(null).setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(new BigDecimal("-1.0000")).setCurrency("EUR").setBaseAmount(new BigDecimal("-1.0000"))
                .setBaseCurrency("EUR").setDescription("").setMerchant("Corner Shop").setMcc(null)
                .setCategory(Category.UNCATEGORIZED).setSubcategory(null).setCategorySource(CategorySource.NONE)
                .setEssential(false).setRemoved(false).build();
        versions.put("alice|t-1", ValueAndTimestamp.make(new TransactionVersion("hash", known, List.of()), 1L));

        processor.process(new Record<>("alice", correction("t-1", null, Category.FOOD_AND_DRINK), 5L));
        processor.process(new Record<>("alice", correction("t-2", null, Category.MEDICAL), 6L));

        assertThat(correctionKeys()).containsExactly("alice|m:corner shop", "alice|t:t-1", "alice|t:t-2");
        assertThat(corrections.get("alice|m:corner shop").value().getCategory()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(context.forwarded()).isEmpty();
    }
}
