package io.ledgerstream.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Request;
import io.javalin.testtools.Response;
import io.ledgerstream.api.auth.Authentication;
import io.ledgerstream.api.auth.FailedLogins;
import io.ledgerstream.api.auth.PasswordHasher;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.http.ApiDependencies;
import io.ledgerstream.api.http.ApiServer;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.routing.OwnerRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;

/** The real API app over fakes, and reading its answers. */
public final class TestApi {

    public static final Instant NOW = Instant.parse("2026-03-15T10:15:30Z");
    /** At {@link #NOW}, for ever: rate-limit windows that never end under a test. */
    public static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The test apps' token secret. */
    public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes";
    public static final TokenService TOKENS = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_PATH = Pattern.compile("/api/v1/users/([^/?]+)");

    private TestApi() {
    }

    public static Javalin app(FakeUserStateReader reader) {
        return app(reader, new RecordingPublisher(), OwnerRouting.localOnly(), KafkaStreams.State.RUNNING);
    }

    public static Javalin app(RecordingPublisher publisher) {
        return app(new FakeUserStateReader(), publisher, OwnerRouting.localOnly(), KafkaStreams.State.RUNNING);
    }

    public static Javalin app(FakeUserStateReader reader, RecordingPublisher publisher, OwnerRouting routing,
                              KafkaStreams.State state) {
        return app(reader, publisher, routing, state, auth(false));
    }

    public static Javalin app(FakeUserStateReader reader, RecordingPublisher publisher, OwnerRouting routing,
                              KafkaStreams.State state, Authentication auth) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return app(reader, publisher, routing, state, auth, new ResponseCache(SharedRedis.none(), "test", meters),
                new RateLimiter(SharedRedis.none(), "test", 0, Duration.ofMinutes(1), Clock.systemUTC(), meters), meters,
                new LiveAlerts());
    }

    public static Javalin app(FakeUserStateReader reader, RecordingPublisher publisher, OwnerRouting routing,
                              KafkaStreams.State state, Authentication auth, ResponseCache cache, RateLimiter limits,
                              PrometheusMeterRegistry meters, LiveAlerts liveAlerts) {
        return ApiServer.create(new ApiDependencies(reader, routing, publisher, () -> state,
                Clock.fixed(NOW, ZoneOffset.UTC), auth, cache, limits, meters, liveAlerts));
    }

    /**
     * Authentication with {@link #SECRET}, no Redis, and a cheap Argon2id cost (the tests verify
     * hashing, not its cost).
     */
    public static Authentication auth(boolean openRegistration) {
        return new Authentication(TOKENS, new PasswordHasher(1024, 1),
                new FailedLogins(SharedRedis.none(), "test", FailedLogins.DEFAULT_MAX, FailedLogins.DEFAULT_WINDOW,
                        Clock.systemUTC()),
                openRegistration);
    }

    /** A valid token of {@code userId} with {@code scopes}, signed as the test apps expect. */
    public static String token(String userId, String... scopes) {
        return TOKENS.issue(userId, Set.of(scopes)).token();
    }

    /** GETs {@code path} as the user it names ({@code /api/v1/users/<userId>/…}), with that user's token. */
    public static Response get(HttpClient client, String path) {
        return get(client, path, request -> { });
    }

    /** As {@link #get(HttpClient, String)}, with more done to the request. */
    public static Response get(HttpClient client, String path, Consumer<Request.Builder> more) {
        return client.get(path, request -> {
            asUserOf(path, request);
            more.accept(request);
        });
    }

    /** POSTs the body exactly as given (the client's own post would JSON-encode a String again), as the user of the path. */
    public static Response postRaw(HttpClient client, String path, String body) {
        return client.request(path, request -> asUserOf(path, request.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")));
    }

    /** PUTs the body exactly as given, as the user of the path. */
    public static Response putRaw(HttpClient client, String path, String body) {
        return client.request(path, request -> asUserOf(path, request.put(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")));
    }

    private static Request.Builder asUserOf(String path, Request.Builder request) {
        Matcher user = USER_PATH.matcher(path);
        if (user.lookingAt()) {
            request.header("Authorization", "Bearer " + token(URLDecoder.decode(user.group(1), StandardCharsets.UTF_8)));
        }
        return request;
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
