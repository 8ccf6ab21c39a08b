package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthRoutesTest {

    private static Javalin appIn(KafkaStreams.State state) {
        return TestApi.app(new FakeUserStateReader(), new RecordingPublisher(), OwnerRouting.localOnly(), state);
    }

    @Test
    void shouldAnswerHealthUpEvenWhileStreamsIsNotRunning() {
        JavalinTest.test(appIn(KafkaStreams.State.REBALANCING), (server, client) -> {
            Response response = get(client, "/health");

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("{\"status\":\"UP\"}");
        });
    }

    @Test
    void shouldBeReadyWhenStreamsIsRunning() {
        JavalinTest.test(appIn(KafkaStreams.State.RUNNING), (server, client) -> {
            Response response = get(client, "/ready");

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).get("streamsState").asText()).isEqualTo("RUNNING");
        });
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void shouldNotBeReadyWithRetryAfterInAnyOtherState(KafkaStreams.State state) {
        JavalinTest.test(appIn(state), (server, client) -> {
            Response response = get(client, "/ready");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("error").asText()).isEqualTo("not_ready");
            assertThat(json(response).get("detail").asText()).contains(state.name());
        });
    }

    @Test
    void shouldServeTheOpenApiDescription() {
        JavalinTest.test(appIn(KafkaStreams.State.RUNNING), (server, client) -> {
            Response response = get(client, "/openapi.yaml");

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").getFirst()).startsWith("application/yaml");
            assertThat(response.body().string()).startsWith("openapi: 3.1")
                    .contains("/api/v1/users/{userId}/summary", "/api/v1/users/{userId}/settings");
        });
    }

    @Test
    void shouldAnswerAnUnknownRouteWithTheErrorShape() {
        JavalinTest.test(appIn(KafkaStreams.State.RUNNING), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/nothing-here");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).has("error")).isTrue();
            assertThat(json(response).has("detail")).isTrue();
        });
    }
}
