package io.ledgerstream.api.routing;

import io.javalin.http.Context;
import io.ledgerstream.api.query.KeyLocation;
import io.ledgerstream.api.query.KeyLocator;
import io.ledgerstream.api.query.StateNotQueryableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
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
 *
 * <p>Forwards go through Apache HttpClient's classic, blocking client over a pool of kept-alive
 * connections: the request is written and its answer read on the thread that serves the caller.
 * The JDK's {@code java.net.http.HttpClient}, used before, hands each exchange through
 * {@code CompletableFuture}s between the caller, its executor and its selector thread; under load
 * those hand-offs cost more than the rest of a forwarded request (see docs/benchmarks.md, "Forwarded
 * requests"). The client retries nothing but a request whose kept-alive connection the owner closed
 * before answering (once, and only for idempotent methods); an owner's 503 reaches the caller as is.
 */
public final class ForwardingRouting implements OwnerRouting {

    private static final Logger log = LoggerFactory.getLogger(ForwardingRouting.class);

    /** The owner checks the token again and reads the body as it was sent. */
    private static final List<String> RELAYED_HEADERS = List.of("Authorization", "Cache-Control", "Content-Type",
            "X-Request-Id");
    /** What the caller is told of the owner's answer, besides status, body and content type. */
    private static final List<String> RELAYED_ANSWER_HEADERS = List.of("Retry-After", STALE_HEADER, "X-Cache",
            "WWW-Authenticate");

    /**
     * Connections kept to each other instance: as many requests as this can be forwarded to one
     * owner at once; more wait for a connection (up to the timeout). Jetty serves requests on up to
     * 200 threads by default.
     */
    static final int CONNECTIONS_PER_OWNER = 200;

    private final KeyLocator locator;
    private final HostInfo self;
    private final CloseableHttpClient client;
    private final byte[] forwardingMark;

    /**
     * @param forwardingMark the value of {@link #FORWARDED_HEADER} on requests the instances forward to
     *                       each other ({@link io.ledgerstream.api.auth.TokenService#forwardingMark()})
     */
    public ForwardingRouting(KeyLocator locator, HostInfo self, Duration timeout, String forwardingMark) {
        this.locator = locator;
        this.self = self;
        this.client = client(Timeout.of(timeout));
        this.forwardingMark = forwardingMark.getBytes(StandardCharsets.UTF_8);
    }

    /** A client that relays, and does nothing else of its own: no redirects, cookies, decompression. */
    private static CloseableHttpClient client(Timeout timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(CONNECTIONS_PER_OWNER)
                        .setMaxConnTotal(4 * CONNECTIONS_PER_OWNER) // to four other instances at most at once
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                // once, at once, for an I/O failure of an idempotent request other than these; never
                // for a status code (the default would retry a 503 after its Retry-After)
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS,
                        List.of(InterruptedIOException.class, UnknownHostException.class, ConnectException.class,
                                NoRouteToHostException.class, SSLException.class), List.<Integer>of()) { })
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            log.warn("closing the forwarding client: {}", e.toString());
        }
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

    private void relay(Context ctx, HostInfo host) throws IOException {
        String query = ctx.queryString();
        URI target = URI.create("http://" + host.host() + ":" + host.port() + ctx.req().getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        ClassicRequestBuilder request = ClassicRequestBuilder.create(ctx.method().name())
                .setUri(target)
                .addHeader(FORWARDED_HEADER, new String(forwardingMark, StandardCharsets.UTF_8))
                .addHeader(HttpHeaders.ACCEPT, "application/json");
        for (String header : RELAYED_HEADERS) {
            String value = ctx.header(header);
            if (value != null) {
                request.addHeader(header, value);
            }
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > 0) {
            request.setEntity(new ByteArrayEntity(body, null)); // its Content-Type is relayed above
        }
        ClassicHttpRequest forwarded = request.build();
        client.execute(forwarded, response -> {
            ctx.status(response.getCode());
            Header contentType = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null) {
                ctx.contentType(contentType.getValue());
            }
            for (String name : RELAYED_ANSWER_HEADERS) {
                Header header = response.getFirstHeader(name);
                if (header != null) {
                    ctx.header(name, header.getValue());
                }
            }
            ctx.result(response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()));
            return null;
        });
    }
}
