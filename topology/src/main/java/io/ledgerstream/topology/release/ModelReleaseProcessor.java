package io.ledgerstream.topology.release;

import java.nio.ByteBuffer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store of model releases from its compacted topic (categorizer.models,
 * anomaly.models) and hands each release, decoded, to the instance's {@link CurrentModel}. On a
 * restart the store is restored before {@link #init} runs, which picks the stored release up again.
 * A release that does not decode is logged and skipped: the instance goes on with the model it has.
 *
 * @param <R> the release as published (an Avro record)
 * @param <M> the decoded model
 */
public final class ModelReleaseProcessor<R, M> implements Processor<String, R, Void, Void> {

    /** Turns a release into a model. */
    public interface Decoder<R, M> {

        /** @throws IllegalArgumentException if the release holds no usable model */
        M decode(R release);

        /** What the log says about a release taken into use: its version and evaluation. */
        String describe(R release);

        /** The bytes of an Avro {@code bytes} field, leaving the buffer as it was. */
        static byte[] bytes(ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ModelReleaseProcessor.class);

    private final String storeName;
    private final CurrentModel<M> current;
    private final Decoder<R, M> decoder;
    private KeyValueStore<String, R> releases;

    public ModelReleaseProcessor(String storeName, CurrentModel<M> current, Decoder<R, M> decoder) {
        this.storeName = storeName;
        this.current = current;
        this.decoder = decoder;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        releases = context.getStateStore(storeName);
        if (current.get().isEmpty()) {
            try (var stored = releases.all()) {
                stored.forEachRemaining(entry -> load(entry.value));
            }
        }
    }

    @Override
    public void process(Record<String, R> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            releases.delete(record.key());
            return;
        }
        if (load(record.value())) {
            releases.put(record.key(), record.value());
        }
    }

    private boolean load(R release) {
        M model;
        try {
            model = decoder.decode(release);
        } catch (RuntimeException e) {
            log.error("{}: a release cannot be used, keeping the current model: {}", storeName, e.getMessage());
            return false;
        }
        current.set(model);
        log.info("{}: {} in use", storeName, decoder.describe(release));
        return true;
    }
}
