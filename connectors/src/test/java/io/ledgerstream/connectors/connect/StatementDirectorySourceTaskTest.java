package io.ledgerstream.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task on its own: an offset store and a registry in memory, the worker's calls made by the test. */
class StatementDirectorySourceTaskTest {

    private static final int MAX_POLLS = 200;

    @TempDir
    Path inbox;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final OffsetsInMemory offsets = new OffsetsInMemory();
    private final StatementDirectorySourceTask task = new StatementDirectorySourceTask(Time.SYSTEM, url -> registry);

    @BeforeEach
    void start() {
        task.initialize(offsets);
        task.start(Map.of(
                StatementDirectorySourceConfig.DIRECTORY, inbox.toString(),
                StatementDirectorySourceConfig.USER_ID, "alice",
                StatementDirectorySourceConfig.TOPIC, "transactions.raw",
                StatementDirectorySourceConfig.POLL_INTERVAL_MS, "10",
                StatementDirectorySourceConfig.BATCH_SIZE, "4"));
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void shouldEmitTheUserKeyAndTheTransactionInTheConfluentWireFormat() throws Exception {
        Files.writeString(inbox.resolve("one.jsonl"), line(0) + "\n");

        SourceRecord record = nextBatch().getFirst();

        assertThat(record.key()).isEqualTo("alice");
        assertThat(record.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(record.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        RawTransaction read = new AvroSerde<>(registry, RawTransaction.class, false)
                .deserialize("transactions.raw", (byte[]) record.value());
        assertThat(read.getTransactionId()).isEqualTo("t-00");
        assertThat(read.getAmount()).isEqualTo("-1.00");
        assertThat(record.sourcePartition()).isEqualTo(FileOffsets.partition(inbox.toAbsolutePath().normalize(),
                "one.jsonl", ContentHash.sha256(inbox.resolve("one.jsonl"))));
        assertThat(record.sourceOffset()).isEqualTo(Map.of(FileOffsets.INDEX, 0L));
    }

    @Test
    void shouldResumeRightAfterTheCommittedOffsetOfTheSameFile() throws Exception {
        // Given: a file whose first five records were committed before a restart
        Path file = Files.writeString(inbox.resolve("ten.jsonl"), lines(10));
        offsets.commit(FileOffsets.partition(inbox.toAbsolutePath().normalize(), "ten.jsonl", ContentHash.sha256(file)),
                Map.of(FileOffsets.INDEX, 4L));

        // When
        List<SourceRecord> emitted = drain();

        // Then
        assertThat(emitted).extracting(r -> (Object) r.sourceOffset().get(FileOffsets.INDEX)).containsExactly(5L, 6L, 7L, 8L, 9L);
        acknowledge(emitted);
        awaitMoved("finished/ten.jsonl");
        assertThat(inbox.resolve("finished/ten.jsonl.report.txt")).content()
                .contains("transactions published: 10")
                .contains("resumed after a restart: the first 5 were published before it, the other 5 after");
    }

    @Test
    void shouldTreatAFileWithTheSameNameButOtherBytesAsNew() throws Exception {
        Files.writeString(inbox.resolve("ten.jsonl"), lines(10));
        offsets.commit(FileOffsets.partition(inbox.toAbsolutePath().normalize(), "ten.jsonl", "0".repeat(64)),
                Map.of(FileOffsets.INDEX, 9L));

        assertThat(drain()).hasSize(10);
    }

    @Test
    void shouldMoveTheFileOnlyOnceKafkaAcknowledgedEveryRecord() throws Exception {
        Files.writeString(inbox.resolve("ten.jsonl"), lines(10));
        List<SourceRecord> emitted = drain();

        acknowledge(emitted.subList(0, 9));
        assertThat(task.poll()).isNull();
        assertThat(inbox.resolve("ten.jsonl")).as("one record unacknowledged").exists();

        acknowledge(emitted.subList(9, 10));
        awaitMoved("finished/ten.jsonl");
        assertThat(inbox.resolve("ten.jsonl")).doesNotExist();
    }

    @Test
    void shouldMoveAFileWhereNoRowParsedToFailedWithTheReport() throws Exception {
        Files.writeString(inbox.resolve("bad.jsonl"), "{\"amount\":\"x\"}\n");

        awaitMoved("failed/bad.jsonl");

        assertThat(inbox.resolve("failed/bad.jsonl.error.txt")).content()
                .contains("nothing in bad.jsonl could be imported").contains("bad.jsonl:1:");
    }

    @Test
    void shouldPublishNothingAgainForAFileFinishedBefore() throws Exception {
        Path file = Files.writeString(inbox.resolve("ten.jsonl"), lines(10));
        offsets.commit(FileOffsets.partition(inbox.toAbsolutePath().normalize(), "ten.jsonl", ContentHash.sha256(file)),
                Map.of(FileOffsets.INDEX, 9L));

        awaitMoved("finished/ten.jsonl");

        assertThat(inbox.resolve("finished/ten.jsonl.report.txt")).content().contains("nothing was sent again");
    }

    /** Polls until the task has emitted everything it has: a first batch, then until a poll returns none. */
    private List<SourceRecord> drain() throws InterruptedException {
        List<SourceRecord> emitted = new ArrayList<>(nextBatch());
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            emitted.addAll(batch);
        }
        return emitted;
    }

    private List<SourceRecord> nextBatch() throws InterruptedException {
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                return batch;
            }
        }
        throw new AssertionError("no records after " + MAX_POLLS + " polls");
    }

    private void awaitMoved(String relative) throws InterruptedException {
        for (int poll = 0; poll < MAX_POLLS && !Files.exists(inbox.resolve(relative)); poll++) {
            assertThat(task.poll()).isNull();
        }
        assertThat(inbox.resolve(relative)).exists();
    }

    private void acknowledge(List<SourceRecord> records) {
        records.forEach(record -> task.commitRecord(record, null));
    }

    private static String lines(int count) {
        return String.join("\n", IntStream.range(0, count).mapToObj(StatementDirectorySourceTaskTest::line).toList()) + "\n";
    }

    private static String line(int i) {
        return String.format(Locale.ROOT,
                "{\"transactionId\":\"t-%02d\",\"bookedAt\":\"2026-03-01\",\"amount\":\"-%d.00\",\"currency\":\"EUR\"}",
                i, i + 1);
    }
}
