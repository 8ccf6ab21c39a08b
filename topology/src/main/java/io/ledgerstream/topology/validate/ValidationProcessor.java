package io.ledgerstream.topology.validate;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.SchemaRegistryException;
import io.ledgerstream.topology.flow.Checked;
import io.ledgerstream.topology.flow.IncomingTransaction;
import io.ledgerstream.topology.reject.DeadLetters;
import io.ledgerstream.topology.reject.Rejection;
import io.ledgerstream.topology.reject.RejectionReason;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads a raw record's bytes as a {@link RawTransaction} and checks it with
 * {@link RawTransactionValidator}. Bytes that do not deserialize, and transactions that break a rule,
 * come out as dead letters carrying the original bytes; the stream goes on with the next record.
 */
public final class ValidationProcessor implements FixedKeyProcessor<String, byte[], Checked<IncomingTransaction>> {

    private final String topic;
    private final Deserializer<RawTransaction> deserializer;
    private FixedKeyProcessorContext<String, Checked<IncomingTransaction>> context;

    /** @param topic the raw topic's name, which the deserializer may need (schema subjects) */
    public ValidationProcessor(String topic, Deserializer<RawTransaction> deserializer) {
        this.topic = topic;
        this.deserializer = deserializer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Checked<IncomingTransaction>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RawTransaction raw;
        try {
            raw = record.value() == null ? null : deserializer.deserialize(topic, record.value());
        } catch (SerializationException e) {
            if (registryUnreachable(e)) {
                throw e; // not the record's fault: fail and retry rather than dead-letter good data
            }
            reject(record, new Rejection(RejectionReason.UNDESERIALIZABLE, null, e.getMessage()));
            return;
        }
        if (raw == null) {
            reject(record, new Rejection(RejectionReason.UNDESERIALIZABLE, null, "the record has no value (a tombstone)"));
            return;
        }
        Optional<Rejection> broken = RawTransactionValidator.validate(record.key(), raw);
        if (broken.isPresent()) {
            reject(record, broken.get());
        } else {
            context.forward(record.withValue(Checked.accepted(new IncomingTransaction(raw, record.value()))));
        }
    }

    /** The registry could not be reached (as opposed to answering that the schema id is unknown). */
    private static boolean registryUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException && cause.getCause() instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private void reject(FixedKeyRecord<String, byte[]> record, Rejection rejection) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        context.forward(record.withValue(Checked.rejected(
                DeadLetters.of(rejection, source, record.key(), record.value(), record.timestamp()))));
    }
}
