package io.ledgerstream.topology.version;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.TransactionChange;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Records a finished version: {@value StoreNames#TRANSACTION_VERSIONS} gets the new version with its
 * content hash (removals included, so their resends are recognized), and
 * {@value StoreNames#TRANSACTIONS_BY_DATE} loses the previous version's entry and gains the new one
 * unless it is a removal. The change is then passed on.
 */
public final class VersionWriterProcessor implements FixedKeyProcessor<String, TransactionChange, TransactionChange> {

    private FixedKeyProcessorContext<String, TransactionChange> context;
    private TimestampedKeyValueStore<String, TransactionVersion> versions;
    private TimestampedKeyValueStore<String, EnrichedTransaction> byDate;

    @Override
    public void init(FixedKeyProcessorContext<String, TransactionChange> context) {
        this.context = context;
        this.versions = context.getStateStore(StoreNames.TRANSACTION_VERSIONS);
        this.byDate = context.getStateStore(StoreNames.TRANSACTIONS_BY_DATE);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionChange> record) {
        TransactionChange change = record.value();
        EnrichedTransaction current = change.current();
        versions.put(StoreNames.versionKey(current.getUserId(), current.getTransactionId()),
                ValueAndTimestamp.make(new TransactionVersion(change.contentHash(), current), record.timestamp()));
        if (change.previous() != null) {
            byDate.delete(byDateKey(change.previous()));
        }
        if (!current.getRemoved()) {
            byDate.put(byDateKey(current), ValueAndTimestamp.make(current, record.timestamp()));
        }
        context.forward(record);
    }

    private static String byDateKey(EnrichedTransaction transaction) {
        return StoreNames.transactionByDateKey(transaction.getUserId(), transaction.getBookedAt(),
                transaction.getTransactionId());
    }
}
