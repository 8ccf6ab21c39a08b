package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.SettingsRequest;
import io.ledgerstream.api.http.error.NotFoundException;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.topology.StoreNames;

/** {@code GET /settings}: a user's settings as the topology holds them (a PUT goes through {@link CommandController}). */
final class SettingsController {

    private final UserStateReader reader;
    private final OwnerRouting routing;

    SettingsController(UserStateReader reader, OwnerRouting routing) {
        this.reader = reader;
        this.routing = routing;
    }

    void settings(Context ctx) {
        String userId = RequestParams.userId(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.USER_SETTINGS, userId)) {
            return;
        }
        ctx.json(SettingsRequest.of(OwnerRouting.localReader(ctx, reader).settings(userId)
                .orElseThrow(() -> new NotFoundException("user '" + userId + "' has no settings yet"))));
    }
}
