package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.StatusResponse;
import io.ledgerstream.api.http.error.ErrorMapping;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/** {@code /health} (the process answers) and {@code /ready} (its Streams instance is RUNNING). */
final class HealthController {

    private final Supplier<KafkaStreams.State> streamsState;

    HealthController(Supplier<KafkaStreams.State> streamsState) {
        this.streamsState = streamsState;
    }

    void health(Context ctx) {
        ctx.json(new StatusResponse("UP", null));
    }

    void ready(Context ctx) {
        KafkaStreams.State state = streamsState.get();
        if (state == KafkaStreams.State.RUNNING) {
            ctx.json(new StatusResponse("READY", state.name()));
        } else {
            ErrorMapping.unavailable(ctx, "not_ready", "Kafka Streams is " + state + ", not RUNNING");
        }
    }
}
