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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers locally where this instance holds the active task, otherwise forwards the same request
 * (method, path, query string, body, {@code Authorization} and {@code Content-Type}) to the active host and relays its status, body, content type and {@code Retry-After}.
 * If the active host cannot be reached, a standby answers: this instance if it holds one, else the
 * first standby that responds. A forwarded request is answered locally (from a standby if that is
 * what is here) or refused with 503, never forwarded again, so two instances with different views
 * of the assignment during a rebalance cannot bounce a request between them.
 */
public final class ForwardingRouting implements OwnerRouting {

    private static final Logger log = LoggerFactory.getLogger(ForwardingRouting.class);

    /** The owner checks the token again and reads the body as it was sent. */
    private static final List<String> RELAYED_HEADERS = List.of("Authorization", "Content-Type");

    private final KeyLocator locator;
    private final HostInfo self;
    private final HttpClient client;
    private final Duration timeout;

    public ForwardingRouting(KeyLocator locator, HostInfo self, Duration timeout) {
        this(locator, self, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
    }

    ForwardingRouting(KeyLocator locator, HostInfo self, HttpClient client, Duration timeout) {
        this.locator = locator;
        this.self = self;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public boolean answeredElsewhere(Context ctx, String storeName, String userId) {
        KeyLocation location = locator.locate(storeName, userId);
        if (location.isActive(self)) {
            return false;
        }
        boolean alreadyForwarded = "true".equalsIgnoreCase(ctx.header(FORWARDED_HEADER));
        if (alreadyForwarded) {
            if (location.isStandby(self)) {
                return false;
            }
            throw new StateNotQueryableException("user " + userId + " is not hosted here (" + self.host() + ":"
                    + self.port() + ") and the request was already forwarded once");
        }
        boolean standbyHere = location.isStandby(self);
        if (location.activeHost().isEmpty() && standbyHere) {
            return false;
        }
        List<HostInfo> candidates = new ArrayList<>();
        location.activeHost().ifPresent(candidates::add);
        location.standbyHosts().stream().filter(host -> !host.equals(self)).forEach(candidates::add);
        List<String> failures = new ArrayList<>();
        for (HostInfo host : candidates) {
            try {
                relay(ctx, host);
                return true;
            } catch (IOException e) {
                log.warn("cannot reach {}:{} for {}: {}", host.host(), host.port(), ctx.path(), e.toString());
                failures.add(host.host() + ":" + host.port() + " (" + e.getClass().getSimpleName() + ")");
                if (standbyHere) {
                    return false; // the active host is unreachable and a standby is here
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateNotQueryableException("interrupted while forwarding to " + host, e);
            }
        }
        throw new StateNotQueryableException("no instance can answer for user " + userId + " now"
                + (failures.isEmpty() ? " (no active host assigned)" : ": unreachable " + failures));
    }

    private void relay(Context ctx, HostInfo host) throws IOException, InterruptedException {
        String query = ctx.queryString();
        URI target = URI.create("http://" + host.host() + ":" + host.port() + ctx.req().getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header(FORWARDED_HEADER, "true")
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
        response.headers().firstValue("Retry-After").ifPresent(value -> ctx.header("Retry-After", value));
        ctx.result(response.body());
    }
}
