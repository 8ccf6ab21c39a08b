package io.ledgerstream.connectors.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one line holding one JSON object into its top-level fields. Uses Jackson's streaming parser
 * so a number's literal text is kept as written ({@code 0.1} stays {@code "0.1"}).
 */
final class JsonLineReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The line's fields in order; {@code null} values are left out. */
    Map<String, JsonValue> read(String line) throws JsonLineException {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonLineException("not a JSON object");
            }
            Map<String, JsonValue> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonValue value = switch (parser.nextToken()) {
                    case VALUE_STRING -> new JsonValue(JsonValue.Kind.STRING, parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue(JsonValue.Kind.NUMBER, parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> new JsonValue(JsonValue.Kind.BOOLEAN, parser.getText());
                    case VALUE_NULL -> null;
                    default -> {
                        parser.skipChildren();
                        yield new JsonValue(JsonValue.Kind.COMPOSITE, null);
                    }
                };
                if (value != null) {
                    fields.put(name, value);
                }
            }
            if (parser.nextToken() != null) {
                throw new JsonLineException("more than one JSON value on the line");
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new JsonLineException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }
}
