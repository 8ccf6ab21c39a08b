package io.ledgerstream.api.http.error;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.ledgerstream.api.http.dto.ErrorResponse;
import io.ledgerstream.api.publish.PublishFailedException;
import io.ledgerstream.api.query.StateNotQueryableException;
import java.util.Locale;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses, all shaped {@code {"error": …, "detail": …}}:
 * bad input 400, no or bad token 401, another user's data 403, unknown user or month 404, a user id
 * taken 409, over a limit 429 with {@code Retry-After}, state that cannot be read now (Streams not RUNNING, a
 * partition migrating, an IQv2 failure, an unreachable owner, a broker that did not acknowledge) 503
 * with {@code Retry-After}, anything else 500.
 */
public final class ErrorMapping {

    /** Seconds a client should wait before retrying a 503. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(BadRequestException.class, (e, ctx) -> answer(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
        routes.exception(UnauthorizedException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ledgerstream\"");
            answer(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
        });
        routes.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, HttpStatus.CONFLICT, "conflict", e.getMessage()));
        routes.exception(TooManyRequestsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            answer(ctx, HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", e.getMessage());
        });
        routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
        routes.exception(StateNotQueryableException.class, (e, ctx) -> unavailable(ctx, "state_unavailable", e));
        routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "state_unavailable", e));
        routes.exception(PublishFailedException.class, (e, ctx) -> unavailable(ctx, "publish_failed", e));
        // Javalin's own: unknown path (404), wrong method, and the like
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            ctx.status(e.getStatus()).json(new ErrorResponse(status.name().toLowerCase(Locale.ROOT), e.getMessage()));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        });
    }

    /** A 503 with {@code Retry-After}, for readiness as for errors. */
    public static void unavailable(Context ctx, String error, String detail) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, error, detail);
    }

    private static void unavailable(Context ctx, String error, Exception e) {
        log.debug("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        unavailable(ctx, error, e.getMessage());
    }

    private static void answer(Context ctx, HttpStatus status, String error, String detail) {
        ctx.status(status).json(new ErrorResponse(error, detail));
    }
}
