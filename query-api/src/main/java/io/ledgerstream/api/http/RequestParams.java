package io.ledgerstream.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.topology.StoreNames;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates path and query parameters; anything malformed is a {@link BadRequestException}. */
final class RequestParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_USER_ID_LENGTH = 200;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    private RequestParams() {
    }

    /** The {@code {userId}} path parameter: not blank, and free of the store keys' separator. */
    static String userId(Context ctx) {
        return validUserId(ctx.pathParam("userId"));
    }

    /** {@code userId} if it is one: not blank, at most 200 characters, free of the store keys' separator. */
    static String validUserId(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH
                || userId.contains(StoreNames.SEPARATOR)) {
            throw new BadRequestException("userId must be 1 to " + MAX_USER_ID_LENGTH
                    + " characters without '" + StoreNames.SEPARATOR + "'");
        }
        return userId;
    }

    /** The required {@code month} query parameter, {@code YYYY-MM}. */
    static YearMonth month(Context ctx) {
        String month = ctx.queryParam("month");
        if (month == null) {
            throw new BadRequestException("query parameter month is required, as YYYY-MM");
        }
        // digits checked here, so the numbers parse; YearMonth.parse's formatter cost a tenth of a
        // remembered /summary answer's CPU
        if (MONTH.matcher(month).matches()) {
            int monthOfYear = Integer.parseInt(month, 5, 7, 10);
            if (monthOfYear >= 1 && monthOfYear <= 12) {
                return YearMonth.of(Integer.parseInt(month, 0, 4, 10), monthOfYear);
            }
        }
        throw new BadRequestException("month must be YYYY-MM, got '" + month + "'");
    }

    /** An optional date query parameter, {@code YYYY-MM-DD}. */
    static Optional<LocalDate> date(Context ctx, String name) {
        String date = ctx.queryParam(name);
        if (date == null || date.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (DATE.matcher(date).matches()) {
                return Optional.of(LocalDate.parse(date));
            }
        } catch (DateTimeParseException e) {
            // falls through to the same answer
        }
        throw new BadRequestException(name + " must be a date YYYY-MM-DD, got '" + date + "'");
    }

    /** The optional {@code limit} query parameter: 1 to 500, 50 if absent. */
    static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (WHOLE_NUMBER.matcher(limit).matches()) {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }

    /** The JSON body as a {@code type}: present, well-formed, an object. */
    static <T> T body(Context ctx, ObjectMapper mapper, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadRequestException("a JSON body is required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON body: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw new BadRequestException("the JSON body must be an object");
        }
        return value;
    }
}
