package io.ledgerstream.connectors.connect;

import io.ledgerstream.connectors.importer.ImportReport;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The file the task is publishing: its parsed transactions, how far emitting has got, and how many
 * of the emitted records Kafka has acknowledged. Emitting happens on the task's thread; acknowledgements
 * arrive on the producer's, hence the atomic counter.
 */
final class StatementInProgress {

    private final Path file;
    private final Map<String, String> partition;
    private final ImportReport parsed;
    private final List<RawTransaction> toPublish;
    private final int resumedAt;
    private int next;
    private final AtomicInteger acknowledged = new AtomicInteger();

    /**
     * @param resumedAt the index of the first transaction to emit: those before it were published
     *                  and their offset committed before a restart
     */
    StatementInProgress(Path file, Map<String, String> partition, ImportReport parsed, long resumedAt) {
        this.file = file;
        this.partition = partition;
        this.parsed = parsed;
        this.toPublish = parsed.toPublish();
        this.resumedAt = (int) Math.min(resumedAt, toPublish.size());
        this.next = this.resumedAt;
    }

    Path file() {
        return file;
    }

    Map<String, String> partition() {
        return partition;
    }

    boolean hasMoreToEmit() {
        return next < toPublish.size();
    }

    /** Up to {@code max} records after the last one emitted; the position moves only once all encoded. */
    List<SourceRecord> nextBatch(int max, RecordEncoder encoder) {
        int end = Math.min(toPublish.size(), next + max);
        List<SourceRecord> batch = new ArrayList<>(end - next);
        for (int index = next; index < end; index++) {
            batch.add(encoder.encode(partition, index, toPublish.get(index)));
        }
        next = end;
        return batch;
    }

    /** Kafka acknowledged one record of this file; returns whether that was the last one. */
    boolean acknowledge() {
        return acknowledged.incrementAndGet() >= toPublish.size() - resumedAt;
    }

    /** Every record is emitted and acknowledged: the file may move to the finished directory. */
    boolean isComplete() {
        return !hasMoreToEmit() && acknowledged.get() >= toPublish.size() - resumedAt;
    }

    /** The importer's report, with what this connector published and where. */
    String report(String topic) {
        StringBuilder out = new StringBuilder(parsed.withPublished(toPublish.size()).render());
        out.append("  published to topic ").append(topic).append(" by Kafka Connect\n");
        if (resumedAt == toPublish.size() && resumedAt > 0) {
            out.append("  all of them before: the same file (name and content) was published earlier;"
                    + " nothing was sent again\n");
        } else if (resumedAt > 0) {
            out.append(String.format(Locale.ROOT, "  resumed after a restart: the first %d were published before it,"
                    + " the other %d after%n", resumedAt, toPublish.size() - resumedAt));
        }
        return out.toString();
    }
}
