package io.ledgerstream.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's OpenAPI document ({@code openapi.yaml} on the classpath) read as a test oracle: which
 * operations it describes, and for an operation's status its media type, required headers and body schema.
 * An operation is written {@code "GET /api/v1/users/{userId}/summary"}.
 */
public final class OpenApiDocument {

    private static final String RESOURCE = "openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;
    // OpenAPI 3.1's base dialect is draft 2020-12 plus OpenAPI's keywords; formats (date, date-time, email) asserted
    private final SchemaRegistry schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), registry -> registry
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/" + RESOURCE)) {
            return new OpenApiDocument(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as a tree. */
    public JsonNode tree() {
        return root;
    }

    /** Every operation under {@code paths}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The statuses documented for {@code operation}. */
    public Set<String> statuses(String operation) {
        Set<String> statuses = new TreeSet<>();
        operationNode(operation).path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** The response documented for {@code operation} and {@code status}, as a JSON pointer into the document. */
    public Optional<String> response(String operation, int status) {
        String pointer = operationPointer(operation) + "/responses/" + status;
        JsonNode response = root.at(pointer);
        if (response.isMissingNode()) {
            return Optional.empty();
        }
        // components/responses/… is an object of its own, not a schema: resolved here, not by the validator
        return Optional.of(response.has("$ref") ? response.get("$ref").asText().substring(1) : pointer);
    }

    /** The media types of the response at {@code pointer}. */
    public Set<String> mediaTypes(String responsePointer) {
        Set<String> types = new TreeSet<>();
        root.at(responsePointer).path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /** Every header name any response documents. */
    public Set<String> responseHeaderNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        root.findValues("headers").forEach(headers -> headers.fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** The headers the response at {@code pointer} marks {@code required}. */
    public Set<String> requiredHeaders(String responsePointer) {
        Set<String> headers = new TreeSet<>();
        root.at(responsePointer).path("headers").properties().forEach(header -> {
            JsonNode definition = header.getValue().has("$ref")
                    ? root.at(header.getValue().get("$ref").asText().substring(1)) : header.getValue();
            if (header.getValue().path("required").asBoolean(definition.path("required").asBoolean())) {
                headers.add(header.getKey());
            }
        });
        return headers;
    }

    /**
     * What is wrong with {@code body} against the schema of the response at {@code pointer} for
     * {@code mediaType}, one line per error with the body's location; empty when it conforms or no schema is given.
     */
    public List<String> violations(String responsePointer, String mediaType, JsonNode body) {
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        if (root.at(schemaPointer).isMissingNode()) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        for (Error error : schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + schemaPointer
                .replace("{", "%7B").replace("}", "%7D"))).validate(body)) {
            violations.add("at '" + error.getInstanceLocation() + "': " + error.getMessage());
        }
        return violations;
    }

    private JsonNode operationNode(String operation) {
        return root.at(operationPointer(operation));
    }

    private static String operationPointer(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return "/paths/" + escape(methodAndPath[1]) + "/" + methodAndPath[0].toLowerCase(Locale.ROOT);
    }

    /** A JSON pointer's reference token for {@code name} (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
