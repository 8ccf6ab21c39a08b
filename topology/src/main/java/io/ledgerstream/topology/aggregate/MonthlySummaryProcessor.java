package io.ledgerstream.topology.aggregate;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.TransactionChange;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps {@value StoreNames#MONTHLY_SUMMARIES} equal to the sum of the latest live versions: a change
 * takes the previous version out of its month and puts the new one into its own (the two months may
 * differ); a removal only takes out. A month left with no transaction is deleted. Forwards, for
 * each live version, its month's summary before and after the change ({@link MonthChange}).
 */
public final class MonthlySummaryProcessor implements Processor<String, TransactionChange, String, MonthChange> {

    private ProcessorContext<String, MonthChange> context;
    private TimestampedKeyValueStore<String, MonthlySummary> summaries;

    @Override
    public void init(ProcessorContext<String, MonthChange> context) {
        this.context = context;
        this.summaries = context.getStateStore(StoreNames.MONTHLY_SUMMARIES);
    }

    @Override
    public void process(Record<String, TransactionChange> record) {
        TransactionChange change = record.value();
        String currentKey = keyOf(change.current());
        MonthlySummary before = ValueAndTimestamp.getValueOrNull(summaries.get(currentKey));
        if (change.previous() != null) {
            String key = keyOf(change.previous());
            MonthlySummary summary = ValueAndTimestamp.getValueOrNull(summaries.get(key));
            if (summary != null) {
                store(key, MonthlySummaries.subtract(summary, change.previous()), record.timestamp());
            }
        }
        if (!change.current().getRemoved()) {
            MonthlySummary summary = ValueAndTimestamp.getValueOrNull(summaries.get(currentKey));
            MonthlySummary after = MonthlySummaries.add(summary, change.current());
            store(currentKey, after, record.timestamp());
            context.forward(record.withValue(new MonthChange(change.current(),
                    MonthlySummaries.monthOf(change.current()), before, after)));
        }
    }

    private void store(String key, MonthlySummary summary, long timestamp) {
        if (summary.getTransactionCount() <= 0) {
            summaries.delete(key);
        } else {
            summaries.put(key, ValueAndTimestamp.make(summary, timestamp));
        }
    }

    private static String keyOf(EnrichedTransaction transaction) {
        return StoreNames.summaryKey(transaction.getUserId(), MonthlySummaries.monthOf(transaction));
    }
}
