package io.ledgerstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A caching client of the Confluent Schema Registry REST API over {@link HttpClient}.
 * Registrations are cached per (subject, schema) and look-ups per id, so the hot path of a serde
 * makes no HTTP call after the first record of each schema.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** @param baseUrl for instance {@code http://127.0.0.1:8081/apis/ccompat/v7} or {@code http://localhost:8081} */
    public HttpSchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode reply = post("/subjects/" + encode(subject) + "/versions", schemaBody(s));
                    int id = reply.path("id").asInt(-1);
                    if (id < 0) {
                        throw new SchemaRegistryException("registry answered no id for subject " + subject + ": " + reply);
                    }
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode reply = get("/schemas/ids/" + i);
            return new Schema.Parser().parse(reply.path("schema").asText());
        });
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode reply = post("/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        return reply.path("is_compatible").asBoolean(false);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept", CONTENT_TYPE).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistryException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
