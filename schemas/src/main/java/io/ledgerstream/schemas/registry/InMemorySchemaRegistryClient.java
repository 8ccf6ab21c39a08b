package io.ledgerstream.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry in memory, for unit tests and {@code TopologyTestDriver}: ids are assigned in order
 * and compatibility is Avro's BACKWARD rule. Integration tests use a real registry instead.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final List<Schema> schemas = new CopyOnWriteArrayList<>();
    private final Map<String, List<Schema>> versions = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
        if (!subjectVersions.contains(schema)) {
            subjectVersions.add(schema);
        }
        int index = schemas.indexOf(schema);
        if (index < 0) {
            schemas.add(schema);
            index = schemas.size() - 1;
        }
        return index + 1;
    }

    @Override
    public Schema getById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("no schema with id " + id);
        }
        return schemas.get(id - 1);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.getOrDefault(subject, List.of());
        if (subjectVersions.isEmpty()) {
            return true;
        }
        Schema latest = subjectVersions.get(subjectVersions.size() - 1);
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
