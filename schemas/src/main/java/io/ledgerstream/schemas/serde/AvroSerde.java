package io.ledgerstream.schemas.serde;

import io.ledgerstream.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of generated Avro classes in the Confluent wire format: magic byte 0, the writer schema's
 * 4-byte registry id, then Avro binary. Subjects follow the topic-name strategy
 * ({@code <topic>-value} or {@code <topic>-key}); schemas are registered on first use.
 * Reading resolves the writer's schema against this class's, so older records stay readable.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    static final byte MAGIC_BYTE = 0;

    static {
        TrustedClasses.ensure();
    }

    /**
     * Per thread, the buffer and encoder each record is written with, reused rather than made anew
     * (and grown) for every record: stream threads and producers serialize from several threads.
     */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;
    }

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final boolean isKey;
    private final Schema readerSchema;
    private final SpecificData model;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    /** The id this class's schema has under each topic's subject: a lookup per record, not a subject built anew. */
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        this.registry = registry;
        this.type = type;
        this.isKey = isKey;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(readerSchema, model);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = idsByTopic.computeIfAbsent(topic, t -> registry.register(subject(t), readerSchema));
        Output output = OUTPUT.get();
        output.bytes.reset();
        output.bytes.write(MAGIC_BYTE);
        for (int shift = 24; shift >= 0; shift -= 8) {
            output.bytes.write(id >>> shift);
        }
        output.encoder = EncoderFactory.get().binaryEncoder(output.bytes, output.encoder); // buffered: few writes to the stream
        try {
            writer.write(data, output.encoder);
            output.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return output.bytes.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 5 || bytes[0] != MAGIC_BYTE) {
            throw new SerializationException("not in the Confluent wire format (magic byte 0 and a schema id)"
                    + " on topic " + topic + ": " + bytes.length + " bytes");
        }
        int writerId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        try {
            SpecificDatumReader<T> reader = readersByWriterId.computeIfAbsent(writerId,
                    id -> new SpecificDatumReader<>(registry.getById(id), readerSchema, model));
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " (writer schema id "
                    + writerId + ") from topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean key) {
        // configured through the constructor
    }

    @Override
    public void close() {
        // nothing to release: the registry client is shared
    }
}
