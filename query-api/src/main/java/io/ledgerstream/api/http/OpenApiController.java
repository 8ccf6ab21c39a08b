package io.ledgerstream.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json} and {@code /openapi.yaml}: the API's OpenAPI 3.1 description, written as YAML
 * (a resource of this module) and served as JSON too, converted once at start.
 */
final class OpenApiController {

    static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;
    private final byte[] json;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            document = in.readAllBytes();
            json = new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void document(Context ctx) {
        ctx.contentType("application/yaml").result(document);
    }

    void json(Context ctx) {
        ctx.contentType("application/json").result(json);
    }
}
