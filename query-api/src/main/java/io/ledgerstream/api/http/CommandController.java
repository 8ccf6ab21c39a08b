package io.ledgerstream.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.ledgerstream.api.http.dto.AcceptedResponse;
import io.ledgerstream.api.http.dto.CorrectionRequest;
import io.ledgerstream.api.http.dto.SettingsRequest;
import io.ledgerstream.api.publish.UserCommandPublisher;
import java.time.Clock;

/**
 * {@code /corrections} and {@code /settings}: validates what a user tells us and publishes it keyed by
 * userId. Any instance can take these (the topology applies them), so they are never forwarded.
 */
final class CommandController {

    private final UserCommandPublisher publisher;
    private final ObjectMapper mapper;
    private final Clock clock;

    CommandController(UserCommandPublisher publisher, ObjectMapper mapper, Clock clock) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
    }

    void correction(Context ctx) {
        String userId = RequestParams.userId(ctx);
        publisher.publish(body(ctx, CorrectionRequest.class).toCorrection(userId, clock.instant()));
        ctx.status(HttpStatus.ACCEPTED).json(AcceptedResponse.of(userId, "correction"));
    }

    void settings(Context ctx) {
        String userId = RequestParams.userId(ctx);
        publisher.publish(body(ctx, SettingsRequest.class).toSettings(userId, clock.instant()));
        ctx.status(HttpStatus.ACCEPTED).json(AcceptedResponse.of(userId, "settings"));
    }

    private <T> T body(Context ctx, Class<T> type) {
        return RequestParams.body(ctx, mapper, type);
    }
}
