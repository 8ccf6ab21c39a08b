package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.AlertsResponse;
import io.ledgerstream.api.http.dto.RecurringPaymentsResponse;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.topology.StoreNames;

/** {@code /alerts}: a user's recent alerts, newest first; {@code /recurring}: what the detectors found recurs. */
final class AlertController {

    private final UserStateReader reader;
    private final OwnerRouting routing;

    AlertController(UserStateReader reader, OwnerRouting routing) {
        this.reader = reader;
        this.routing = routing;
    }

    void alerts(Context ctx) {
        String userId = RequestParams.userId(ctx);
        int limit = RequestParams.limit(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.ALERTS, userId)) {
            return;
        }
        ctx.json(AlertsResponse.from(userId, OwnerRouting.localReader(ctx, reader).alerts(userId, limit)));
    }

    void recurring(Context ctx) {
        String userId = RequestParams.userId(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.RECURRING_PAYMENTS, userId)) {
            return;
        }
        ctx.json(RecurringPaymentsResponse.from(userId,
                OwnerRouting.localReader(ctx, reader).recurringPayments(userId)));
    }
}
