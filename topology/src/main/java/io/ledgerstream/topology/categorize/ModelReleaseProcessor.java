package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelCodec;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@value StoreNames#CATEGORIZER_MODELS} store from topic categorizer.models and
 * hands each release, decoded, to the instance's {@link CurrentModel}. On a restart the store is
 * restored before {@link #init} runs, which picks the stored release up again. A release that does
 * not decode is logged and skipped: the instance goes on with the model it has.
 */
public final class ModelReleaseProcessor implements Processor<String, CategoryModelRelease, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ModelReleaseProcessor.class);

    private final CurrentModel current;
    private KeyValueStore<String, CategoryModelRelease> releases;

    public ModelReleaseProcessor(CurrentModel current) {
        this.current = current;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        releases = context.getStateStore(StoreNames.CATEGORIZER_MODELS);
        if (current.get().isEmpty()) {
            try (var stored = releases.all()) {
                stored.forEachRemaining(entry -> load(entry.value));
            }
        }
    }

    @Override
    public void process(Record<String, CategoryModelRelease> record) {
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

    private boolean load(CategoryModelRelease release) {
        CategoryModel model;
        try {
            model = ModelCodec.read(bytes(release.getModel()));
        } catch (RuntimeException e) {
            log.error("categorizer model {} cannot be read, keeping the current one: {}", release.getVersion(), e.toString());
            return false;
        }
        if (!model.version().equals(release.getVersion())) {
            log.error("categorizer release {} holds model {}, keeping the current one", release.getVersion(), model.version());
            return false;
        }
        current.set(model);
        log.info("categorizer model {} in use (evaluation accuracy {}, macro-F1 {})", model.version(),
                String.format(Locale.ROOT, "%.3f", release.getEvaluationAccuracy()),
                String.format(Locale.ROOT, "%.3f", release.getEvaluationMacroF1()));
        return true;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
