package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.Fixtures.summary;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** Who may call what: tokens on the per-user routes, registration, login and its limit. */
class AuthRoutesTest {

    private static final String ALICE_SUMMARY = "/api/v1/users/alice/summary?month=2026-02";

    private final FakeUserStateReader reader = new FakeUserStateReader()
            .withMonths("alice", summary("alice", "2026-02", "EUR", "2500", "1234.56", Map.of()));
    private final RecordingPublisher publisher = new RecordingPublisher().applyingAccountsTo(reader);

    private Javalin app(boolean openRegistration) {
        return TestApi.app(reader, publisher, OwnerRouting.localOnly(), KafkaStreams.State.RUNNING,
                TestApi.auth(openRegistration));
    }

    private static Response getWith(HttpClient client, String path, String authorization) {
        return client.get(path, request -> request.header("Authorization", authorization));
    }

    private static Response post(HttpClient client, String path, String body, String... authorization) {
        return client.request(path, request -> {
            request.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (authorization.length > 0) {
                request.header("Authorization", authorization[0]);
            }
        });
    }

    @Test
    void shouldAnswer401WithAChallengeWithoutAToken() {
        JavalinTest.test(app(false), (server, client) -> {
            Response response = client.get(ALICE_SUMMARY);

            assertThat(response.code()).isEqualTo(401);
            assertThat(response.headers().get("WWW-Authenticate")).containsExactly("Bearer realm=\"ledgerstream\"");
            assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
            assertThat(json(response).get("detail").asText()).contains("bearer token is required");
        });
    }

    @Test
    void shouldServeTheUsersOwnDataWithTheirToken() {
        JavalinTest.test(app(false), (server, client) -> {
            Response response = getWith(client, ALICE_SUMMARY, "Bearer " + TestApi.token("alice"));

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).get("income").asText()).isEqualTo("2500.00");
        });
    }

    @Test
    void shouldAnswer403ToAnotherUsersTokenOnEveryPerUserRoute() {
        JavalinTest.test(app(false), (server, client) -> {
            String bob = "Bearer " + TestApi.token("bob");
            for (String path : new String[] {ALICE_SUMMARY, "/api/v1/users/alice/months", "/api/v1/users/alice/transactions",
                    "/api/v1/users/alice/alerts", "/api/v1/users/alice/recurring", "/api/v1/users/alice/insights"}) {
                Response response = getWith(client, path, bob);
                assertThat(response.code()).as(path).isEqualTo(403);
                assertThat(json(response).get("detail").asText()).as(path)
                        .isEqualTo("the token is for user 'bob', not 'alice'");
            }
            Response correction = post(client, "/api/v1/users/alice/corrections",
                    "{\"merchant\": \"Lidl\", \"category\": \"FOOD_AND_DRINK\"}", bob);
            assertThat(correction.code()).isEqualTo(403);
            assertThat(publisher.corrections).isEmpty();
        });
    }

    @Test
    void shouldLetAnAdminReadAnyUser() {
        JavalinTest.test(app(false), (server, client) -> {
            Response response = getWith(client, ALICE_SUMMARY, "Bearer " + TestApi.token("ops", "admin"));

            assertThat(response.code()).isEqualTo(200);
        });
    }

    @Test
    void shouldAnswer401ToTamperedExpiredForeignAndMalformedTokens() {
        String[] parts = TestApi.token("bob").split("\\.");
        String alicesClaims = TestApi.token("alice").split("\\.")[1];
        String tampered = parts[0] + "." + alicesClaims + "." + parts[2];
        String expired = new TokenService(TestApi.SECRET, Duration.ofMinutes(15),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)).issue("alice", Set.of()).token();
        String foreign = new TokenService("some-other-deployments-secret-32-bytes", Duration.ofMinutes(15), Clock.systemUTC())
                .issue("alice", Set.of()).token();
        JavalinTest.test(app(false), (server, client) -> {
            assertThat(json(getWith(client, ALICE_SUMMARY, "Bearer " + expired)).get("detail").asText())
                    .isEqualTo("the token has expired");
            for (String authorization : new String[] {"Bearer " + tampered, "Bearer " + expired, "Bearer " + foreign,
                    "Basic YWxpY2U6cGFzc3dvcmQ=", "Bearer "}) {
                Response response = getWith(client, ALICE_SUMMARY, authorization);
                assertThat(response.code()).as(authorization).isEqualTo(401);
                assertThat(json(response).get("error").asText()).as(authorization).isEqualTo("unauthorized");
            }
        });
    }

    @Test
    void shouldRegisterLogInAndReadOwnDataWithTheTokenGiven() {
        JavalinTest.test(app(true), (server, client) -> {
            Response registered = post(client, "/api/v1/auth/register",
                    "{\"userId\": \"alice\", \"password\": \"correct horse battery\"}");
            assertThat(registered.code()).isEqualTo(201);
            assertThat(json(registered).get("userId").asText()).isEqualTo("alice");
            assertThat(publisher.accounts).singleElement().satisfies(account -> {
                assertThat(account.getUserId()).isEqualTo("alice");
                assertThat(account.getPasswordHash()).startsWith("$argon2id$").doesNotContain("correct horse");
            });

            Response login = post(client, "/api/v1/auth/login",
                    "{\"userId\": \"alice\", \"password\": \"correct horse battery\"}");
            assertThat(login.code()).isEqualTo(200);
            String token = json(login).get("token").asText();
            assertThat(json(login).get("tokenType").asText()).isEqualTo("Bearer");
            assertThat(Instant.parse(json(login).get("expiresAt").asText())).isAfter(Instant.now());

            assertThat(getWith(client, ALICE_SUMMARY, "Bearer " + token).code()).isEqualTo(200);
            assertThat(getWith(client, "/api/v1/users/bob/months", "Bearer " + token).code()).isEqualTo(403);
            Response me = getWith(client, "/api/v1/auth/me", "Bearer " + token);
            assertThat(json(me).get("userId").asText()).isEqualTo("alice");
        });
    }

    @Test
    void shouldAnswer409ToASecondRegistrationOfAUserId() {
        JavalinTest.test(app(true), (server, client) -> {
            String body = "{\"userId\": \"alice\", \"password\": \"correct horse battery\"}";
            assertThat(post(client, "/api/v1/auth/register", body).code()).isEqualTo(201);

            Response again = post(client, "/api/v1/auth/register",
                    "{\"userId\": \"alice\", \"password\": \"another password\"}");
            assertThat(again.code()).isEqualTo(409);
            assertThat(json(again).get("detail").asText()).isEqualTo("user id 'alice' is already registered");
            assertThat(publisher.accounts).hasSize(1);
        });
    }

    @Test
    void shouldLetOnlyAnAdminRegisterUnlessRegistrationIsOpen() {
        JavalinTest.test(app(false), (server, client) -> {
            String body = "{\"userId\": \"carol\", \"password\": \"correct horse battery\"}";

            assertThat(post(client, "/api/v1/auth/register", body).code()).isEqualTo(403);
            assertThat(post(client, "/api/v1/auth/register", body, "Bearer " + TestApi.token("dave")).code()).isEqualTo(403);
            assertThat(publisher.accounts).isEmpty();
            assertThat(post(client, "/api/v1/auth/register", body, "Bearer " + TestApi.token("ops", "admin")).code())
                    .isEqualTo(201);
            assertThat(post(client, "/api/v1/auth/login", body).code()).isEqualTo(200);
        });
    }

    @Test
    void shouldRefuseBadRegistrationsWith400() {
        JavalinTest.test(app(true), (server, client) -> {
            assertThat(json(post(client, "/api/v1/auth/register", "{\"userId\": \"alice\", \"password\": \"short\"}"))
                    .get("detail").asText()).isEqualTo("password must be 10 to 128 characters, got 5");
            assertThat(post(client, "/api/v1/auth/register", "{\"userId\": \"a|b\", \"password\": \"correct horse battery\"}")
                    .code()).isEqualTo(400);
            assertThat(post(client, "/api/v1/auth/register", "{\"userId\": \"alice\"}").code()).isEqualTo(400);
            assertThat(post(client, "/api/v1/auth/register", "{\"userId\": \"alice\", \"password\": \"x\", \"admin\": true}")
                    .code()).isEqualTo(400);
            assertThat(publisher.accounts).isEmpty();
        });
    }

    @Test
    void shouldAnswer401ToAWrongPasswordOrUnknownUserAlike() {
        JavalinTest.test(app(true), (server, client) -> {
            post(client, "/api/v1/auth/register", "{\"userId\": \"alice\", \"password\": \"correct horse battery\"}");

            Response wrong = post(client, "/api/v1/auth/login", "{\"userId\": \"alice\", \"password\": \"incorrect horse\"}");
            Response unknown = post(client, "/api/v1/auth/login", "{\"userId\": \"zed\", \"password\": \"incorrect horse\"}");
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(unknown.code()).isEqualTo(401);
            assertThat(json(wrong).get("detail").asText()).isEqualTo(json(unknown).get("detail").asText())
                    .isEqualTo("wrong user id or password");
        });
    }

    @Test
    void shouldRefuseLoginsWith429AfterFiveFailuresEvenWithTheRightPassword() {
        JavalinTest.test(app(true), (server, client) -> {
            String right = "{\"userId\": \"alice\", \"password\": \"correct horse battery\"}";
            post(client, "/api/v1/auth/register", right);
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(post(client, "/api/v1/auth/login", "{\"userId\": \"alice\", \"password\": \"guess number "
                        + attempt + "\"}").code()).as("attempt %d", attempt).isEqualTo(401);
            }

            Response blocked = post(client, "/api/v1/auth/login", right);
            assertThat(blocked.code()).isEqualTo(429);
            long retryAfter = Long.parseLong(blocked.headers().get("Retry-After").get(0));
            assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
            assertThat(json(blocked).get("error").asText()).isEqualTo("too_many_requests");
            Response otherUser = post(client, "/api/v1/auth/login", "{\"userId\": \"bob\", \"password\": \"whatever it is\"}");
            assertThat(otherUser.code()).isEqualTo(401);
        });
    }
}
