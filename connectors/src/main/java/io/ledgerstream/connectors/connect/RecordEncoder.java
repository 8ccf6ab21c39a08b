package io.ledgerstream.connectors.connect;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.SchemaRegistryException;
import io.ledgerstream.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a transaction into the record the worker sends: key the user id (a string), value the
 * transaction already serialized.
 *
 * <p>Why the task serializes the value itself, as bytes, rather than hand Connect a Struct for a
 * converter: the topology reads {@code transactions.raw} with the project's {@link AvroSerde}
 * (Confluent wire format, subject {@code <topic>-value}, the generated {@code RawTransaction}
 * schema), and Confluent's AvroConverter, which would do the same from a Struct, is not on Maven
 * Central. Serializing here with the same serde writes exactly the bytes every other producer of
 * the topic writes, with the same schema under the same subject; the worker passes them through
 * with {@code ByteArrayConverter} (keys with {@code StringConverter}).
 */
final class RecordEncoder {

    private final String topic;
    private final AvroSerde<RawTransaction> serde;

    RecordEncoder(String topic, AvroSerde<RawTransaction> serde) {
        this.topic = topic;
        this.serde = serde;
    }

    /**
     * @throws RetriableException if the schema registry cannot be reached: the worker polls again later
     */
    SourceRecord encode(Map<String, String> partition, long index, RawTransaction transaction) {
        byte[] value;
        try {
            value = serde.serialize(topic, transaction);
        } catch (SchemaRegistryException e) {
            throw new RetriableException("cannot register or look up the schema of " + topic + "-value: "
                    + e.getMessage(), e);
        }
        return new SourceRecord(partition, FileOffsets.offset(index), topic, null,
                Schema.STRING_SCHEMA, transaction.getUserId(), Schema.BYTES_SCHEMA, value);
    }
}
