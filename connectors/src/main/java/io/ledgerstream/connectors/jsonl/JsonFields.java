package io.ledgerstream.connectors.jsonl;

import io.ledgerstream.connectors.importer.ImportProblem;
import java.util.List;
import java.util.Map;

/** Typed access to one JSON line's fields, adding a problem for each wrong type or missing field. */
final class JsonFields {

    private final Map<String, JsonValue> values;
    private final String file;
    private final int line;
    private final List<ImportProblem> problems;

    JsonFields(Map<String, JsonValue> values, String file, int line, List<ImportProblem> problems) {
        this.values = values;
        this.file = file;
        this.line = line;
        this.problems = problems;
    }

    /** A string field's stripped value, {@code null} when absent or blank. */
    String optionalString(String name) {
        JsonValue value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new ImportProblem(file, line, name, "not a string", "got " + describe(value)));
            return null;
        }
        String text = value.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** As {@link #optionalString}, but absent or blank is a problem too. */
    String requiredString(String name) {
        JsonValue value = values.get(name);
        String text = optionalString(name);
        if (text == null && (value == null || value.isString())) {
            problems.add(new ImportProblem(file, line, name, "missing", value == null ? "" : "empty"));
        }
        return text;
    }

    /** A boolean field, {@code false} when absent. */
    boolean optionalBoolean(String name) {
        JsonValue value = values.get(name);
        if (value == null) {
            return false;
        }
        if (value.kind() != JsonValue.Kind.BOOLEAN) {
            problems.add(new ImportProblem(file, line, name, "not a boolean", "got " + describe(value)));
            return false;
        }
        return Boolean.parseBoolean(value.text());
    }

    private static String describe(JsonValue value) {
        return value.kind() == JsonValue.Kind.COMPOSITE ? "an object or array" : value.text();
    }
}
