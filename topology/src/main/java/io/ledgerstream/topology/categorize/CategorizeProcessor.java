package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.Copies;
import io.ledgerstream.topology.flow.TransactionChange;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sets the category of a new version: the user's corrections (from
 * {@value StoreNames#CATEGORY_CORRECTIONS}) first, then the configured categorizer, then the
 * fallback of {@link CategorizerChain#decide}. A removal keeps the category it had.
 */
public final class CategorizeProcessor implements FixedKeyProcessor<String, TransactionChange, TransactionChange> {

    private final Categorizer categorizer;
    private FixedKeyProcessorContext<String, TransactionChange> context;
    private CategorizerChain chain;

    /** @param categorizer asked when the user has no correction for the transaction */
    public CategorizeProcessor(Categorizer categorizer) {
        this.categorizer = categorizer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TransactionChange> context) {
        this.context = context;
        this.chain = CategorizerChain.of(
                new UserCorrectionCategorizer(new CorrectionStore(context.getStateStore(StoreNames.CATEGORY_CORRECTIONS))),
                categorizer);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        EnrichedTransaction transaction = record.value().current();
        if (transaction.getRemoved()) {
            context.forward(record);
            return;
        }
        CategoryDecision decision = chain.decide(new TransactionFeatures(transaction.getUserId(),
                transaction.getTransactionId(), transaction.getMerchant(), transaction.getDescription(),
                transaction.getMcc(), Direction.of(transaction.getAmount()), transaction.getAmount()));
        EnrichedTransaction categorized = Copies.shallow(transaction);
        categorized.setCategory(decision.category());
        categorized.setSubcategory(decision.subcategory());
        categorized.setCategorySource(decision.source());
        categorized.setEssential(decision.essential());
        categorized.setCategoryConfidence(decision.confidence());
        categorized.setModelVersion(decision.modelVersion());
        context.forward(record.withValue(record.value().withCurrent(categorized)));
    }
}
