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
import io.ledgerstream.topology.flow.TransactionChange;
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

    private final MockProcessorContext<String, TransactionChange> context = new MockProcessorContext<>();
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
    }

    @Test
    void shouldRecategorizeAKnownTransactionAndForwardTheChange() {
        EnrichedTransaction known = transaction("t-1", Category.UNCATEGORIZED, false);
        versions.put("alice|t-1", ValueAndTimestamp.make(new TransactionVersion("hash", known, List.of()), 1L));

        processor.process(new Record<>("alice", correction("t-1", null, Category.MEDICAL), 5L));
        processor.process(new Record<>("alice", correction("t-2", null, Category.MEDICAL), 6L));

        assertThat(context.forwarded()).as("t-2 is not known yet: a rule only").hasSize(1);
        Record<? extends String, ? extends TransactionChange> forwarded = context.forwarded().getFirst().record();
        assertThat(forwarded.key()).isEqualTo("alice");
        assertThat(forwarded.timestamp()).isEqualTo(5L);
        TransactionChange change = forwarded.value();
        assertThat(change.contentHash()).isEqualTo("hash");
        assertThat(change.previous()).isEqualTo(known);
        assertThat(change.current().getCategory()).isEqualTo(Category.MEDICAL);
        assertThat(change.current().getCategorySource()).isEqualTo(CategorySource.USER_CORRECTION);
        assertThat(change.current().getEssential()).as("medical is essential by default").isTrue();
        assertThat(change.current().getBaseAmount()).isEqualTo(known.getBaseAmount());
    }

    @Test
    void shouldNotRecategorizeARemovedTransactionOrOneAlreadyInTheCategory() {
        versions.put("alice|t-1", ValueAndTimestamp.make(
                new TransactionVersion("h1", transaction("t-1", Category.FOOD_AND_DRINK, false), List.of()), 1L));
        versions.put("alice|t-2", ValueAndTimestamp.make(
                new TransactionVersion("h2", transaction("t-2", Category.UNCATEGORIZED, true), List.of()), 1L));

        processor.process(new Record<>("alice", correction("t-1", null, Category.FOOD_AND_DRINK), 5L));
        processor.process(new Record<>("alice", correction("t-2", null, Category.FOOD_AND_DRINK), 6L));

        assertThat(context.forwarded()).isEmpty();
        assertThat(correctionKeys()).contains("alice|t:t-1", "alice|t:t-2");
    }

    private static EnrichedTransaction transaction(String id, Category category, boolean removed) {
        return EnrichedTransaction.newBuilder()
                .setTransactionId(id).setUserId("alice").setAccountId(null).setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(new BigDecimal("-12.3400")).setCurrency("EUR").setBaseAmount(new BigDecimal("-12.3400"))
                .setBaseCurrency("EUR").setDescription("").setMerchant("Corner Shop").setMcc(null)
                .setCategory(category).setSubcategory(null).setCategorySource(CategorySource.NONE)
                .setEssential(false).setRemoved(removed).build();
    }
}
