package io.ledgerstream.api.http;

import static io.ledgerstream.api.http.ConformanceExchanges.CREDENTIALS;
import static io.ledgerstream.api.http.ConformanceExchanges.twiceWithOneToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.testtools.JavalinTest;
import io.ledgerstream.api.http.ApiExchange.Answer;
import io.ledgerstream.api.http.ApiExchange.Caller;
import io.ledgerstream.api.testing.OpenApiDocument;
import io.ledgerstream.api.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps openapi.yaml true: the app registers exactly the operations it describes, each answer's status,
 * media type, required headers and body are as it says, and /openapi.json is the same document.
 */
class OpenApiConformanceTest {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final String USER = "/api/v1/users/{userId}";
    private static final String ALICE = "/api/v1/users/alice";

    @Test
    @DisplayName("the app registers exactly the operations the document describes")
    void shouldRegisterExactlyTheDocumentedOperations() {
        Javalin app = ConformanceExchanges.app();
        JavalinTest.test(app, (server, client) -> {
            // before-handlers and the like are not operations; the dashboard's static files are no endpoint at all
            Set<String> registered = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(parsed -> parsed.endpoint)
                    .filter(endpoint -> endpoint.method.isHttpMethod())
                    .map(OpenApiConformanceTest::operation)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> undocumented = new TreeSet<>(registered);
            undocumented.removeAll(DOCUMENT.operations());
            Set<String> unregistered = new TreeSet<>(DOCUMENT.operations());
            unregistered.removeAll(registered);

            assertThat(undocumented).as("routes the app registers that openapi.yaml does not describe").isEmpty();
            assertThat(unregistered).as("operations openapi.yaml describes that the app does not register").isEmpty();
        });
    }

    @Test
    @DisplayName("every operation the document describes is called below, for every status it documents")
    void shouldCallEveryDocumentedOperationForEveryDocumentedStatus() {
        Set<String> called = exchanges().map(exchange -> exchange.operation() + " → " + exchange.status())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = DOCUMENT.operations().stream()
                .flatMap(operation -> DOCUMENT.statuses(operation).stream().map(status -> operation + " → " + status))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(called).as("operations and statuses called by shouldAnswerAsTheDocumentSays")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void shouldAnswerAsTheDocumentSays(ApiExchange exchange) {
        JavalinTest.test(exchange.app().get(), (server, client) -> {
            Answer answer = exchange.call().apply(new Caller(client, server.port(), headerNames()));

            assertThat(answer.status()).as("%s: the status it was made to get (body %s)", exchange, answer.body())
                    .isEqualTo(exchange.status());
            String response = DOCUMENT.response(exchange.operation(), answer.status()).orElseThrow(() ->
                    new AssertionError(exchange + ": status " + answer.status() + " is not documented; documented: "
                            + DOCUMENT.statuses(exchange.operation())));
            SoftAssertions softly = new SoftAssertions();
            String mediaType = answer.mediaType().orElse("(no Content-Type)");
            softly.assertThat(DOCUMENT.mediaTypes(response))
                    .as("%s: the media type answered, %s, is one documented at #%s", exchange, mediaType, response)
                    .contains(mediaType);
            for (String header : DOCUMENT.requiredHeaders(response)) {
                softly.assertThat(answer.headers()).as("%s: required header %s of #%s", exchange, header, response)
                        .containsKey(header);
            }
            softly.assertThat(DOCUMENT.violations(response, mediaType, body(answer, mediaType)))
                    .as("%s: the body %s disagrees with the schema at #%s/content/%s/schema", exchange, answer.body(),
                            response, mediaType.replace("/", "~1"))
                    .isEmpty();
            softly.assertAll();
        });
    }

    @Test
    @DisplayName("/openapi.json and /openapi.yaml serve the document")
    void shouldServeTheDocumentAsJsonAndYaml() {
        JavalinTest.test(ConformanceExchanges.app(), (server, client) -> {
            assertThat(TestApi.json(client.get("/openapi.json"))).as("/openapi.json").isEqualTo(DOCUMENT.tree());
            assertThat(new YAMLMapper().readTree(client.get("/openapi.yaml").body().string())).as("/openapi.yaml")
                    .isEqualTo(DOCUMENT.tree());
        });
    }

    static Stream<ApiExchange> exchanges() {
        Supplier<Javalin> data = ConformanceExchanges::app;
        Supplier<Javalin> down = ConformanceExchanges::unavailableApp;
        Supplier<Javalin> limited = ConformanceExchanges::limitedApp;
        Supplier<Javalin> adminOnly = ConformanceExchanges::adminRegistrationApp;
        String summary = "GET " + USER + "/summary";
        String months = "GET " + USER + "/months";
        String transactions = "GET " + USER + "/transactions";
        String alerts = "GET " + USER + "/alerts";
        String live = "GET " + USER + "/alerts/live";
        String recurring = "GET " + USER + "/recurring";
        String insights = "GET " + USER + "/insights";
        String correction = "POST " + USER + "/corrections";
        String settings = "GET " + USER + "/settings";
        String putSettings = "PUT " + USER + "/settings";
        String register = "POST /api/v1/auth/register";
        String login = "POST /api/v1/auth/login";
        String me = "GET /api/v1/auth/me";
        String correctionBody = "{\"transactionId\": \"t-1\", \"category\": \"FOOD_AND_DRINK\"}";
        String settingsBody = """
                {"baseCurrency": "EUR", "timeZone": "Europe/Berlin", "largeTransactionThreshold": "500",
                 "budgets": {"FOOD_AND_DRINK": "400.50"}, "notifications": {"email": "alice@example.org"}}""";
        return Stream.of(
                new ApiExchange(summary, 200, "a month with a summary", data, asUser(ALICE + "/summary?month=2026-03")),
                new ApiExchange(summary, 400, "a malformed month", data, asUser(ALICE + "/summary?month=2026-13")),
                new ApiExchange(summary, 401, "no token", data, anonymous(ALICE + "/summary?month=2026-03")),
                new ApiExchange(summary, 403, "bob's token", data, asBob(ALICE + "/summary?month=2026-03")),
                new ApiExchange(summary, 404, "a month without a summary", data, asUser(ALICE + "/summary?month=2025-12")),
                new ApiExchange(summary, 429, "over the limit", limited, twice("GET", ALICE + "/summary?month=2026-03")),
                new ApiExchange(summary, 503, "state not queryable", down, asUser(ALICE + "/summary?month=2026-03")),

                new ApiExchange(months, 200, "a user with months", data, asUser(ALICE + "/months")),
                new ApiExchange(months, 400, "a user id with '|'", data, asUser("/api/v1/users/al%7Cice/months")),
                new ApiExchange(months, 401, "no token", data, anonymous(ALICE + "/months")),
                new ApiExchange(months, 403, "bob's token", data, asBob(ALICE + "/months")),
                new ApiExchange(months, 404, "an unknown user", data, asUser("/api/v1/users/nobody/months")),
                new ApiExchange(months, 429, "over the limit", limited, twice("GET", ALICE + "/months")),
                new ApiExchange(months, 503, "state not queryable", down, asUser(ALICE + "/months")),

                new ApiExchange(transactions, 200, "a date range and a limit", data,
                        asUser(ALICE + "/transactions?from=2026-03-01&to=2026-03-31&limit=10")),
                new ApiExchange(transactions, 400, "from after to", data,
                        asUser(ALICE + "/transactions?from=2026-03-31&to=2026-03-01")),
                new ApiExchange(transactions, 401, "no token", data, anonymous(ALICE + "/transactions")),
                new ApiExchange(transactions, 403, "bob's token", data, asBob(ALICE + "/transactions")),
                new ApiExchange(transactions, 429, "over the limit", limited, twice("GET", ALICE + "/transactions")),
                new ApiExchange(transactions, 503, "state not queryable", down, asUser(ALICE + "/transactions")),

                new ApiExchange(alerts, 200, "a user with an alert", data, asUser(ALICE + "/alerts?limit=5")),
                new ApiExchange(alerts, 400, "limit 0", data, asUser(ALICE + "/alerts?limit=0")),
                new ApiExchange(alerts, 401, "no token", data, anonymous(ALICE + "/alerts")),
                new ApiExchange(alerts, 403, "bob's token", data, asBob(ALICE + "/alerts")),
                new ApiExchange(alerts, 429, "over the limit", limited, twice("GET", ALICE + "/alerts")),
                new ApiExchange(alerts, 503, "state not queryable", down, asUser(ALICE + "/alerts")),

                new ApiExchange(live, 200, "the user's token, accepting text/event-stream", data,
                        caller -> firstLineOfEventStream(caller, ALICE + "/alerts/live")),
                new ApiExchange(live, 400, "a user id with '|'", data, asUser("/api/v1/users/al%7Cice/alerts/live")),
                new ApiExchange(live, 401, "no token", data, anonymous(ALICE + "/alerts/live")),
                new ApiExchange(live, 403, "bob's token", data, asBob(ALICE + "/alerts/live")),
                new ApiExchange(live, 429, "over the limit", limited, twice("GET", ALICE + "/alerts/live")),

                new ApiExchange(recurring, 200, "a user with a subscription", data, asUser(ALICE + "/recurring")),
                new ApiExchange(recurring, 400, "a user id with '|'", data, asUser("/api/v1/users/al%7Cice/recurring")),
                new ApiExchange(recurring, 401, "no token", data, anonymous(ALICE + "/recurring")),
                new ApiExchange(recurring, 403, "bob's token", data, asBob(ALICE + "/recurring")),
                new ApiExchange(recurring, 429, "over the limit", limited, twice("GET", ALICE + "/recurring")),
                new ApiExchange(recurring, 503, "state not queryable", down, asUser(ALICE + "/recurring")),

                new ApiExchange(insights, 200, "a month with a month before it", data,
                        asUser(ALICE + "/insights?month=2026-03")),
                new ApiExchange(insights, 400, "a malformed month", data, asUser(ALICE + "/insights?month=2026-3")),
                new ApiExchange(insights, 401, "no token", data, anonymous(ALICE + "/insights")),
                new ApiExchange(insights, 403, "bob's token", data, asBob(ALICE + "/insights")),
                new ApiExchange(insights, 404, "an unknown user", data, asUser("/api/v1/users/nobody/insights")),
                new ApiExchange(insights, 429, "over the limit", limited, twice("GET", ALICE + "/insights")),
                new ApiExchange(insights, 503, "state not queryable", down, asUser(ALICE + "/insights")),

                new ApiExchange(correction, 202, "one transaction's category", data,
                        post(ALICE + "/corrections", correctionBody)),
                new ApiExchange(correction, 400, "both a transaction and a merchant", data, post(ALICE + "/corrections",
                        "{\"transactionId\": \"t-1\", \"merchant\": \"Tesco\", \"category\": \"FOOD_AND_DRINK\"}")),
                new ApiExchange(correction, 401, "no token", data, caller -> caller.answer(caller.client()
                        .request(ALICE + "/corrections", request -> request.post(
                                HttpRequest.BodyPublishers.ofString(correctionBody))))),
                new ApiExchange(correction, 403, "bob's token", data, caller -> caller.answer(caller.client()
                        .request(ALICE + "/corrections", request -> request.header("Authorization", bearer("bob"))
                                .post(HttpRequest.BodyPublishers.ofString(correctionBody))))),
                new ApiExchange(correction, 429, "over the limit", limited,
                        caller -> twiceWithOneToken(caller, "POST", ALICE + "/corrections", correctionBody)),
                new ApiExchange(correction, 503, "the broker takes nothing", down,
                        post(ALICE + "/corrections", correctionBody)),

                new ApiExchange(settings, 200, "a user with settings", data, asUser(ALICE + "/settings")),
                new ApiExchange(settings, 400, "a user id with '|'", data, asUser("/api/v1/users/al%7Cice/settings")),
                new ApiExchange(settings, 401, "no token", data, anonymous(ALICE + "/settings")),
                new ApiExchange(settings, 403, "bob's token", data, asBob(ALICE + "/settings")),
                new ApiExchange(settings, 404, "a user without settings", data, asUser("/api/v1/users/bob/settings")),
                new ApiExchange(settings, 429, "over the limit", limited, twice("GET", ALICE + "/settings")),
                new ApiExchange(settings, 503, "state not queryable", down, asUser(ALICE + "/settings")),

                new ApiExchange(putSettings, 202, "every field", data, put(ALICE + "/settings", settingsBody)),
                new ApiExchange(putSettings, 400, "an unknown currency", data,
                        put(ALICE + "/settings", "{\"baseCurrency\": \"ABC\", \"timeZone\": \"UTC\"}")),
                new ApiExchange(putSettings, 401, "no token", data, caller -> caller.answer(caller.client()
                        .request(ALICE + "/settings", request -> request.put(
                                HttpRequest.BodyPublishers.ofString(settingsBody))))),
                new ApiExchange(putSettings, 403, "bob's token", data, caller -> caller.answer(caller.client()
                        .request(ALICE + "/settings", request -> request.header("Authorization", bearer("bob"))
                                .put(HttpRequest.BodyPublishers.ofString(settingsBody))))),
                new ApiExchange(putSettings, 429, "over the limit", limited,
                        caller -> twiceWithOneToken(caller, "PUT", ALICE + "/settings", settingsBody)),
                new ApiExchange(putSettings, 503, "the broker takes nothing", down, put(ALICE + "/settings", settingsBody)),

                new ApiExchange(register, 201, "open registration", data, post("/api/v1/auth/register", CREDENTIALS)),
                new ApiExchange(register, 400, "a short password", data, post("/api/v1/auth/register",
                        "{\"userId\": \"carol\", \"password\": \"short\"}")),
                new ApiExchange(register, 401, "admin registration, a malformed Authorization", adminOnly,
                        caller -> caller.answer(caller.client().request("/api/v1/auth/register", request -> request
                                .header("Authorization", "Basic Y2Fyb2w6cGFzc3dvcmQ=")
                                .post(HttpRequest.BodyPublishers.ofString(CREDENTIALS))))),
                new ApiExchange(register, 403, "admin registration, no token", adminOnly,
                        post("/api/v1/auth/register", CREDENTIALS)),
                new ApiExchange(register, 409, "the user id registered before", data, caller -> {
                    post("/api/v1/auth/register", CREDENTIALS).apply(caller);
                    return post("/api/v1/auth/register", CREDENTIALS).apply(caller);
                }),
                new ApiExchange(register, 503, "state not queryable", down, post("/api/v1/auth/register", CREDENTIALS)),

                new ApiExchange(login, 200, "the password registered", data, caller -> {
                    post("/api/v1/auth/register", CREDENTIALS).apply(caller);
                    return post("/api/v1/auth/login", CREDENTIALS).apply(caller);
                }),
                new ApiExchange(login, 400, "no password", data, post("/api/v1/auth/login", "{\"userId\": \"carol\"}")),
                new ApiExchange(login, 401, "a wrong password", data, post("/api/v1/auth/login", CREDENTIALS)),
                new ApiExchange(login, 429, "five failed logins before", data, caller -> {
                    for (int attempt = 0; attempt < 5; attempt++) {
                        post("/api/v1/auth/login", CREDENTIALS).apply(caller);
                    }
                    return post("/api/v1/auth/login", CREDENTIALS).apply(caller);
                }),
                new ApiExchange(login, 503, "state not queryable", down, post("/api/v1/auth/login", CREDENTIALS)),

                new ApiExchange(me, 200, "a token", data, caller -> caller.answer(caller.client().get("/api/v1/auth/me",
                        request -> request.header("Authorization", bearer("alice"))))),
                new ApiExchange(me, 401, "no token", data, anonymous("/api/v1/auth/me")),

                new ApiExchange("GET /metrics", 200, "always", data, anonymous("/metrics")),
                new ApiExchange("GET /health", 200, "always", data, anonymous("/health")),
                new ApiExchange("GET /ready", 200, "Streams RUNNING", data, anonymous("/ready")),
                new ApiExchange("GET /ready", 503, "Streams REBALANCING", down, anonymous("/ready")),
                new ApiExchange("GET /openapi.json", 200, "always", data, anonymous("/openapi.json")),
                new ApiExchange("GET /openapi.yaml", 200, "always", data, anonymous("/openapi.yaml")));
    }

    private static String operation(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }

    private static Set<String> headerNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add("Content-Type");
        names.addAll(DOCUMENT.responseHeaderNames());
        return names;
    }

    /** The body as the schema sees it: parsed JSON, or for any other media type the text. */
    private static JsonNode body(Answer answer, String mediaType) {
        return mediaType.equals("application/json") ? TestApi.json(answer.body()) : TextNode.valueOf(answer.body());
    }

    private static String bearer(String userId) {
        return "Bearer " + TestApi.token(userId);
    }

    private static Function<Caller, Answer> asUser(String path) {
        return caller -> caller.answer(TestApi.get(caller.client(), path));
    }

    private static Function<Caller, Answer> asBob(String path) {
        return caller -> caller.answer(caller.client().get(path, request -> request.header("Authorization", bearer("bob"))));
    }

    private static Function<Caller, Answer> anonymous(String path) {
        return caller -> caller.answer(caller.client().get(path));
    }

    private static Function<Caller, Answer> twice(String method, String path) {
        return caller -> twiceWithOneToken(caller, method, path, "");
    }

    private static Function<Caller, Answer> post(String path, String body) {
        return caller -> caller.answer(TestApi.postRaw(caller.client(), path, body));
    }

    private static Function<Caller, Answer> put(String path, String body) {
        return caller -> caller.answer(TestApi.putRaw(caller.client(), path, body));
    }

    /** Opens the stream as its user, reads its first line (the stream stays open) and closes it. */
    private static Answer firstLineOfEventStream(Caller caller, String path) {
        String userId = java.net.URLDecoder.decode(path.split("/")[4], java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + caller.port() + path))
                .header("Authorization", bearer(userId)).header("Accept", "text/event-stream").build();
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                String first = response.statusCode() == 200 ? lines.findFirst().orElse("") + "\n"
                        : lines.collect(Collectors.joining("\n"));
                return Answer.of(response.statusCode(), response.headers(), first);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            http.shutdownNow();
        }
    }
}
