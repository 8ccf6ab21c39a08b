package io.ledgerstream.topology.reject;

import io.ledgerstream.schemas.avro.RejectedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds the dead letter of an input record: the reason, the original key and value bytes, and where
 * the record came from (topic, partition, offset). {@code rejectedAt} is the record's timestamp, so a
 * replay yields the same dead letter.
 */
public final class DeadLetters {

    private static final String UNKNOWN_TOPIC = "";
    private static final int UNKNOWN = -1;

    private DeadLetters() {
    }

    /**
     * @param source        the record context's metadata, null when there is none (punctuation)
     * @param key           the record key as read (String keys are UTF-8 on the wire)
     * @param originalValue the value bytes exactly as read
     */
    public static RejectedRecord of(Rejection rejection, RecordMetadata source, String key, byte[] originalValue,
                                    long timestamp) {
        return RejectedRecord.newBuilder()
                .setReason(rejection.reason().name())
                .setField(rejection.field())
                .setDetail(rejection.detail())
                .setTopic(source == null ? UNKNOWN_TOPIC : source.topic())
                .setPartition(source == null ? UNKNOWN : source.partition())
                .setOffset(source == null ? UNKNOWN : source.offset())
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setValue(originalValue == null ? null : ByteBuffer.wrap(originalValue))
                .setRejectedAt(Instant.ofEpochMilli(timestamp))
                .build();
    }
}
