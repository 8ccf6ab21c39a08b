package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.MonthsResponse;
import io.ledgerstream.api.http.dto.SummaryResponse;
import io.ledgerstream.api.http.error.NotFoundException;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.StoreNames;
import java.time.YearMonth;
import java.util.List;

/** {@code /summary} and {@code /months}: a user's monthly aggregates. */
final class SummaryController {

    private final UserStateReader reader;
    private final OwnerRouting routing;

    SummaryController(UserStateReader reader, OwnerRouting routing) {
        this.reader = reader;
        this.routing = routing;
    }

    void summary(Context ctx) {
        String userId = RequestParams.userId(ctx);
        YearMonth month = RequestParams.month(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.MONTHLY_SUMMARIES, userId)) {
            return;
        }
        MonthlySummary summary = reader.summary(userId, month)
                .orElseThrow(() -> new NotFoundException("no summary for user '" + userId + "' in " + month));
        ctx.json(SummaryResponse.from(summary));
    }

    void months(Context ctx) {
        String userId = RequestParams.userId(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.MONTHLY_SUMMARIES, userId)) {
            return;
        }
        List<MonthlySummary> months = reader.months(userId);
        if (months.isEmpty()) {
            throw new NotFoundException("unknown user '" + userId + "': no months yet");
        }
        ctx.json(MonthsResponse.from(userId, months));
    }
}
