package io.ledgerstream.api.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /openapi.yaml}: the API's OpenAPI 3.1 description, shipped as a resource of this module. */
final class OpenApiController {

    static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void document(Context ctx) {
        ctx.contentType("application/yaml").result(document);
    }
}
