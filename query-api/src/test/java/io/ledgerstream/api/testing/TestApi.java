package io.ledgerstream.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import io.ledgerstream.api.http.ApiDependencies;
import io.ledgerstream.api.http.ApiServer;
import io.ledgerstream.api.routing.OwnerRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.KafkaStreams;

/** The real API app over fakes, and reading its answers. */
public final class TestApi {

    public static final Instant NOW = Instant.parse("2026-03-15T10:15:30Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestApi() {
    }

    public static Javalin app(FakeUserStateReader reader) {
        return app(reader, new RecordingPublisher(), OwnerRouting.localOnly(), KafkaStreams.State.RUNNING);
    }

    public static Javalin app(RecordingPublisher publisher) {
        return app(new FakeUserStateReader(), publisher, OwnerRouting.localOnly(), KafkaStreams.State.RUNNING);
    }

    public static Javalin app(FakeUserStateReader reader, RecordingPublisher publisher, OwnerRouting routing,
                              KafkaStreams.State state) {
        return ApiServer.create(new ApiDependencies(reader, routing, publisher, () -> state,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** POSTs the body exactly as given (the client's own post would JSON-encode a String again). */
    public static Response postRaw(HttpClient client, String path, String body) {
        return client.request(path, request -> request.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    /** PUTs the body exactly as given. */
    public static Response putRaw(HttpClient client, String path, String body) {
        return client.request(path, request -> request.put(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
