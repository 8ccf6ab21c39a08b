package io.ledgerstream.topology.version;

import java.util.ArrayList;
import java.util.List;
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

    static final int KEPT_HASHES = 32;

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
        String key = StoreNames.versionKey(current.getUserId(), current.getTransactionId());
        TransactionVersion stored = ValueAndTimestamp.getValueOrNull(versions.get(key));
        versions.put(key, ValueAndTimestamp.make(
                new TransactionVersion(change.contentHash(), current, earlierHashes(stored)), record.timestamp()));
        if (change.previous() != null) {
            byDate.delete(byDateKey(change.previous()));
        }
        if (!current.getRemoved()) {
            byDate.put(byDateKey(current), ValueAndTimestamp.make(current, record.timestamp()));
        }
        context.forward(record);
    }

    /** The superseded version's hash and those it superseded, the most recent {@value #KEPT_HASHES}. */
    private static List<String> earlierHashes(TransactionVersion stored) {
        if (stored == null) {
            return List.of();
        }
        List<String> hashes = new ArrayList<>(stored.getEarlierHashes());
        hashes.add(stored.getContentHash());
        return List.copyOf(hashes.subList(Math.max(0, hashes.size() - KEPT_HASHES), hashes.size()));
    }

    private static String byDateKey(EnrichedTransaction transaction) {
        return StoreNames.transactionByDateKey(transaction.getUserId(), transaction.getBookedAt(),
                transaction.getTransactionId());
    }
}
