package io.ledgerstream.api.routing;

import io.javalin.http.Context;
import io.ledgerstream.api.query.KeyLocation;
import io.ledgerstream.api.query.KeyLocator;
import io.ledgerstream.api.query.StateNotQueryableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers locally where this instance holds the active task, otherwise forwards the same request
 * (method, path, query string, body, {@code Authorization}, {@code Content-Type} and
 * {@code X-Request-Id}) to the active host and relays its status, body and headers of note.
 * A standby may be behind its active task, so it answers only a caller who allows that with
 * {@code allowStale=true}, and marks its answer {@code X-Ledgerstream-Stale: true}: when the active
 * host cannot be reached, or has none assigned, this instance's standby answers, else the first
 * other standby that responds. Otherwise 503 with {@code Retry-After}. A forwarded request is
 * answered here or refused, never forwarded again, so two instances with different views of the
 * assignment during a rebalance cannot bounce a request between them.
 */
public final class ForwardingRouting implements OwnerRouting {

    private static final Logger log = LoggerFactory.getLogger(ForwardingRouting.class);

    /** The owner checks the token again and reads the body as it was sent. */
    private static final List<String> RELAYED_HEADERS = List.of("Authorization", "Cache-Control", "Content-Type",
            "X-Request-Id");
    /** What the caller is told of the owner's answer, besides status, body and content type. */
    private static final List<String> RELAYED_ANSWER_HEADERS = List.of("Retry-After", STALE_HEADER, "X-Cache",
            "WWW-Authenticate");

    private final KeyLocator locator;
    private final HostInfo self;
    private final HttpClient client;
    private final Duration timeout;
    private final byte[] forwardingMark;

    /**
     * @param forwardingMark the value of {@link #FORWARDED_HEADER} on requests the instances forward to
     *                       each other ({@link io.ledgerstream.api.auth.TokenService#forwardingMark()})
     */
    public ForwardingRouting(KeyLocator locator, HostInfo self, Duration timeout, String forwardingMark) {
        this(locator, self, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout, forwardingMark);
    }

    ForwardingRouting(KeyLocator locator, HostInfo self, HttpClient client, Duration timeout, String forwardingMark) {
        this.locator = locator;
        this.self = self;
        this.client = client;
        this.timeout = timeout;
        this.forwardingMark = forwardingMark.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean activeHere(String storeName, String userId) {
        try {
            return locator.locate(storeName, userId).isActive(self);
        } catch (StateNotQueryableException e) {
            return false;
        }
    }

    @Override
    public boolean forwardedByPeer(Context ctx) {
        String mark = ctx.header(FORWARDED_HEADER);
        return mark != null && MessageDigest.isEqual(forwardingMark, mark.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean answeredElsewhere(Context ctx, String storeName, String userId) {
        KeyLocation location = locator.locate(storeName, userId);
        if (location.isActive(self)) {
            return false;
        }
        boolean staleAllowed = OwnerRouting.staleAllowed(ctx);
        boolean standbyHere = staleAllowed && location.isStandby(self);
        if (forwardedByPeer(ctx)) {
            if (standbyHere) {
                return answeredByStandbyHere(ctx);
            }
            throw new StateNotQueryableException("user " + userId + " is not hosted here (" + self.host() + ":"
                    + self.port() + ") and the request was already forwarded once"
                    + (location.isStandby(self) ? "; a standby is here: allowStale=true accepts its answer" : ""));
        }
        if (location.activeHost().isEmpty() && standbyHere) {
            return answeredByStandbyHere(ctx);
        }
        List<HostInfo> candidates = new ArrayList<>();
        location.activeHost().ifPresent(candidates::add);
        if (staleAllowed) {
            location.standbyHosts().stream().filter(host -> !host.equals(self)).forEach(candidates::add);
        }
        List<String> failures = new ArrayList<>();
        for (HostInfo host : candidates) {
            try {
                relay(ctx, host);
                if (!location.isActive(host)) {
                    ctx.header(STALE_HEADER, "true");
                }
                return true;
            } catch (IOException e) {
                log.warn("cannot reach {}:{} for {}: {}", host.host(), host.port(), ctx.path(), e.toString());
                failures.add(host.host() + ":" + host.port() + " (" + e.getClass().getSimpleName() + ")");
                if (standbyHere) {
                    return answeredByStandbyHere(ctx); // the active host is unreachable and a standby is here
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateNotQueryableException("interrupted while forwarding to " + host, e);
            }
        }
        String standbys = !staleAllowed && !location.standbyHosts().isEmpty()
                ? "; standbys hold a copy that may be behind: allowStale=true accepts their answer" : "";
        throw new StateNotQueryableException("no instance can answer for user " + userId + " now"
                + (failures.isEmpty() ? " (no active host assigned)" : ": unreachable " + failures) + standbys);
    }

    private static boolean answeredByStandbyHere(Context ctx) {
        ctx.header(STALE_HEADER, "true");
        return false;
    }

    private void relay(Context ctx, HostInfo host) throws IOException, InterruptedException {
        String query = ctx.queryString();
        URI target = URI.create("http://" + host.host() + ":" + host.port() + ctx.req().getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header(FORWARDED_HEADER, new String(forwardingMark, StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .method(ctx.method().name(), ctx.bodyAsBytes().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(ctx.bodyAsBytes()));
        for (String header : RELAYED_HEADERS) {
            String value = ctx.header(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        for (String header : RELAYED_ANSWER_HEADERS) {
            response.headers().firstValue(header).ifPresent(value -> ctx.header(header, value));
        }
        ctx.result(response.body());
    }
}
