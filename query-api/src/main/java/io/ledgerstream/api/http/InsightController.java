package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.ledgerstream.api.http.dto.InsightsResponse;
import io.ledgerstream.api.http.error.NotFoundException;
import io.ledgerstream.api.insight.Insights;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.StoreNames;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code /insights}: what is worth saying about a user's month, the latest one unless {@code month} says. */
final class InsightController {

    private final UserStateReader reader;
    private final OwnerRouting routing;
    private final Clock clock;

    InsightController(UserStateReader reader, OwnerRouting routing, Clock clock) {
        this.reader = reader;
        this.routing = routing;
        this.clock = clock;
    }

    void insights(Context ctx) {
        String userId = RequestParams.userId(ctx);
        YearMonth asked = ctx.queryParam("month") == null ? null : RequestParams.month(ctx);
        if (routing.answeredElsewhere(ctx, StoreNames.MONTHLY_SUMMARIES, userId)) {
            return;
        }
        UserStateReader local = OwnerRouting.localReader(ctx, reader);
        List<MonthlySummary> months = local.months(userId);
        if (months.isEmpty()) {
            throw new NotFoundException("unknown user '" + userId + "': no months yet");
        }
        MonthlySummary latest = months.getLast();
        YearMonth month = asked != null ? asked : YearMonth.parse(latest.getMonth());
        Optional<UserSettings> settings = local.settings(userId);
        ZoneId zone = settings.map(user -> zone(user.getTimeZone())).orElse(ZoneId.of("UTC"));
        String currency = months.stream().filter(m -> m.getMonth().equals(month.toString())).findFirst()
                .orElse(latest).getCurrency();
        ctx.json(InsightsResponse.from(userId, month.toString(), currency,
                Insights.of(month, months, settings, local.recurringPayments(userId),
                        LocalDate.now(clock.withZone(zone)))));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
