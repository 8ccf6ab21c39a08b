package io.ledgerstream.schemas.serde;

import io.ledgerstream.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/** Makes {@link AvroSerde}s that share one registry client (and so its caches). */
public final class AvroSerdes {

    private final SchemaRegistryClient registry;

    public AvroSerdes(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** A value serde: subjects {@code <topic>-value}. */
    public <T extends SpecificRecord> AvroSerde<T> value(Class<T> type) {
        return new AvroSerde<>(registry, type, false);
    }

    /** A key serde: subjects {@code <topic>-key}. */
    public <T extends SpecificRecord> AvroSerde<T> key(Class<T> type) {
        return new AvroSerde<>(registry, type, true);
    }

    public SchemaRegistryClient registry() {
        return registry;
    }
}
