package io.ledgerstream.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.http.dto.MonthsResponse;
import io.ledgerstream.api.http.dto.SummaryResponse;
import io.ledgerstream.api.http.error.NotFoundException;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.topology.StoreNames;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /summary} and {@code /months}: a user's monthly aggregates. The owner of the user's
 * partition reads them from its store; any other instance answers from the shared
 * {@link ResponseCache} when it can, rather than asking the owner. Both remember their answers until
 * the user's state changes. {@code X-Cache} says {@code hit} (remembered, or found in Redis) or
 * {@code miss}. {@code Cache-Control: no-cache} asks for an answer read from the owner's store (which
 * is then cached).
 */
final class SummaryController {

    static final String CACHE_HEADER = "X-Cache";

    private final UserStateReader reader;
    private final OwnerRouting routing;
    private final ResponseCache cache;
    private final ObjectMapper mapper;

    SummaryController(UserStateReader reader, OwnerRouting routing, ResponseCache cache, ObjectMapper mapper) {
        this.reader = reader;
        this.routing = routing;
        this.cache = cache;
        this.mapper = mapper;
    }

    void summary(Context ctx) {
        String userId = RequestParams.userId(ctx);
        YearMonth month = RequestParams.month(ctx);
        answer(ctx, userId, "summary:" + month, () -> SummaryResponse.from(
                OwnerRouting.localReader(ctx, reader).summary(userId, month).orElseThrow(
                        () -> new NotFoundException("no summary for user '" + userId + "' in " + month))));
    }

    void months(Context ctx) {
        String userId = RequestParams.userId(ctx);
        answer(ctx, userId, "months", () -> {
            List<MonthlySummary> months = OwnerRouting.localReader(ctx, reader).months(userId);
            if (months.isEmpty()) {
                throw new NotFoundException("unknown user '" + userId + "': no months yet");
            }
            return MonthsResponse.from(userId, months);
        });
    }

    /**
     * The instance that holds the user's active task answers from its own memory of its answers, or
     * reads its store, which is faster than asking Redis; any other instance asks the cache (its own
     * memory, then Redis), and on a miss forwards to the owner and files the owner's answer under the
     * versions it looked up before forwarding.
     *
     * @param request what is asked, canonically (parameters parsed, not as typed), for the cache key
     * @param read    reads the answer from this instance's stores
     */
    private void answer(Context ctx, String userId, String request, Supplier<Object> read) {
        boolean fresh = noCache(ctx);
        if (routing.activeHere(StoreNames.MONTHLY_SUMMARIES, userId)) {
            ResponseCache.OwnerAnswer answer = cache.ownerAnswer(userId, request, fresh, () -> json(read.get()));
            respond(ctx, answer.body(), answer.remembered() ? "hit" : "miss");
            return;
        }
        Optional<ResponseCache.Lookup> lookup = cache.lookup(userId, request, fresh);
        Optional<String> cached = lookup.flatMap(ResponseCache.Lookup::body);
        if (cached.isPresent()) {
            respond(ctx, cached.get(), "hit");
            return;
        }
        if (routing.answeredElsewhere(ctx, StoreNames.MONTHLY_SUMMARIES, userId)) {
            if (ctx.statusCode() == 200 && !OwnerRouting.answeredStale(ctx)) {
                String relayed = ctx.result();
                lookup.ifPresent(miss -> cache.fill(miss, relayed));
            }
            ctx.header(CACHE_HEADER, "miss");
            return;
        }
        String body = json(read.get());
        if (!OwnerRouting.answeredStale(ctx)) {
            lookup.ifPresent(miss -> cache.fill(miss, body));
        }
        respond(ctx, body, "miss");
    }

    /**
     * Whether the caller asked for an answer from the store, not from a cache ({@code Cache-Control:
     * no-cache}, RFC 9111 5.2.1.4); forwarding relays the header, so the owner reads its store too.
     */
    static boolean noCache(Context ctx) {
        String cacheControl = ctx.header(Header.CACHE_CONTROL);
        if (cacheControl == null) {
            return false;
        }
        for (String directive : cacheControl.split(",")) {
            if (directive.strip().equalsIgnoreCase("no-cache")) {
                return true;
            }
        }
        return false;
    }

    private static void respond(Context ctx, String body, String cache) {
        ctx.header(CACHE_HEADER, cache).contentType(ContentType.APPLICATION_JSON).result(body);
    }

    private String json(Object answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
