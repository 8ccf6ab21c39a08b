package io.ledgerstream.api.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's,
 * or the instance's that forwarded the request), else a new one. It is answered in the same header
 * and is in the logging context ({@code requestId}) of everything logged while the request is
 * handled, so the JSON logs of all instances that touched a request can be joined. Each answered
 * request is logged at DEBUG on {@code ledgerstream.access}.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("ledgerstream.access");

    private RequestIds() {
    }

    /** The first before-handler. */
    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given
                : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /** From Javalin's request logger, once the request is answered. */
    static void answered(Context ctx, Float millis) {
        if (access.isDebugEnabled()) {
            access.debug("{} {} {} {} ms", ctx.method().name(), ctx.path(), ctx.statusCode(), String.format("%.2f", millis));
        }
        MDC.remove(MDC_KEY);
    }
}
