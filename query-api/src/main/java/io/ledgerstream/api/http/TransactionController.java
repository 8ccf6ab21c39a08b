package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.TransactionsResponse;
import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.topology.StoreNames;
import java.time.LocalDate;
import java.util.Optional;

/** {@code /transactions}: a user's enriched transactions, newest first. */
final class TransactionController {

    private final UserStateReader reader;
    private final OwnerRouting routing;

    TransactionController(UserStateReader reader, OwnerRouting routing) {
        this.reader = reader;
        this.routing = routing;
    }

    void transactions(Context ctx) {
        String userId = RequestParams.userId(ctx);
        Optional<LocalDate> from = RequestParams.date(ctx, "from");
        Optional<LocalDate> to = RequestParams.date(ctx, "to");
        int limit = RequestParams.limit(ctx);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadRequestException("from " + from.get() + " is after to " + to.get());
        }
        if (routing.answeredElsewhere(ctx, StoreNames.TRANSACTIONS_BY_DATE, userId)) {
            return;
        }
        ctx.json(TransactionsResponse.from(userId,
                OwnerRouting.localReader(ctx, reader).transactions(userId, from, to, limit)));
    }
}
