package io.ledgerstream.api.routing;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.Fixtures.summary;
import static io.ledgerstream.api.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.query.KeyLocation;
import io.ledgerstream.api.query.KeyLocator;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.topology.StoreNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two real API apps on loopback: "this" instance, whose routing is under test, and the owner of the
 * user's partition, a plain API app over a fake reader.
 */
class ForwardingRoutingTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 1);
    private static final String MARK = TestApi.TOKENS.forwardingMark();
    private static final String SUMMARY = "/api/v1/users/alice/summary?month=2026-02";

    private final FakeUserStateReader ownerState = new FakeUserStateReader()
            .withMonths("alice", summary("alice", "2026-02", "EUR", "2500", "1234.56", Map.of()));
    private final FakeUserStateReader localState = new FakeUserStateReader()
            .withMonths("alice", summary("alice", "2026-02", "EUR", "1", "1", Map.of()));
    private final List<String> locatedStores = new ArrayList<>();

    private Javalin thisInstance(KeyLocator locator) {
        KeyLocator recording = (store, userId) -> {
            locatedStores.add(store);
            return locator.locate(store, userId);
        };
        return TestApi.app(localState, new RecordingPublisher(),
                new ForwardingRouting(recording, SELF, Duration.ofSeconds(5), MARK), KafkaStreams.State.RUNNING);
    }

    private static KeyLocator activeOn(HostInfo active, HostInfo... standbys) {
        return (store, userId) -> new KeyLocation(OptionalInt.of(2), Optional.of(active), Set.of(standbys));
    }

    private static HostInfo hostOf(Javalin app) {
        return new HostInfo("127.0.0.1", app.port());
    }

    /** A loopback port nothing listens on. */
    /**
     * A port no server can take while these tests run: bound by a socket that never listens, so a
     * connection to it is refused. (A port found free and let go can be handed next to the server
     * under test, which then received the forward itself: a CI run failed so.)
     */
    private static final Socket UNREACHABLE = boundWithoutListening();

    private static Socket boundWithoutListening() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void releaseUnreachablePort() throws IOException {
        UNREACHABLE.close();
    }

    private static HostInfo unreachableHost() {
        return new HostInfo("127.0.0.1", UNREACHABLE.getLocalPort());
    }

    private void withOwner(OwnerTest test) {
        JavalinTest.test(TestApi.app(ownerState), (owner, ownerClient) -> test.run(hostOf(owner)));
    }

    private interface OwnerTest {
        void run(HostInfo owner) throws Exception;
    }

    @Test
    void shouldRelayTheOwnersAnswerForAUserHostedElsewhere() {
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner)), (server, client) -> {
            Response response = get(client, SUMMARY);

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").getFirst()).startsWith("application/json");
            assertThat(json(response).get("income").asText()).isEqualTo("2500.00");
            assertThat(locatedStores).as("asked where the summaries live").containsOnly(StoreNames.MONTHLY_SUMMARIES);
        }));
    }

    @Test
    void shouldRelayTheOwnersNotFound() {
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner)), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/summary?month=2020-01");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).get("error").asText()).isEqualTo("not_found");
        }));
    }

    @Test
    void shouldRelayTheOwnersUnavailableWithItsRetryAfter() {
        ownerState.failingWith(new StateNotQueryableException("restoring monthly-summaries"));
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner)), (server, client) -> {
            Response response = get(client, SUMMARY);

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("detail").asText()).contains("restoring");
        }));
    }

    @Test
    void shouldForwardTheSamePathAndQueryMarkedAsForwarded() {
        Javalin echo = Javalin.create(config -> config.routes.get("/api/v1/users/{userId}/transactions",
                ctx -> ctx.json(Map.of(
                        "path", ctx.path(),
                        "query", ctx.queryString(),
                        "forwarded", String.valueOf(ctx.header(OwnerRouting.FORWARDED_HEADER)),
                        "cacheControl", String.valueOf(ctx.header("Cache-Control"))))));
        JavalinTest.test(echo, (echoServer, echoClient) -> JavalinTest.test(
                thisInstance(activeOn(hostOf(echoServer))), (server, client) -> {
                    Response response = get(client, "/api/v1/users/alice/transactions?from=2026-03-01&limit=7",
                            request -> request.header("Cache-Control", "no-cache"));

                    assertThat(json(response).get("path").asText()).isEqualTo("/api/v1/users/alice/transactions");
                    assertThat(json(response).get("query").asText()).isEqualTo("from=2026-03-01&limit=7");
                    assertThat(json(response).get("forwarded").asText()).isEqualTo(MARK);
                    assertThat(json(response).get("cacheControl").asText()).as("relayed, so the owner reads its store too")
                            .isEqualTo("no-cache");
                    assertThat(locatedStores).containsExactly(StoreNames.TRANSACTIONS_BY_DATE);
                }));
    }

    @Test
    void shouldRelayABodyWithItsContentTypeAndTheOwnersStatus() {
        Javalin echo = Javalin.create(config -> config.routes.post("/api/v1/auth/login",
                ctx -> ctx.status(201).header("X-Cache", "miss").json(Map.of(
                        "body", ctx.body(),
                        "contentType", String.valueOf(ctx.contentType()),
                        "method", ctx.method().name()))));
        JavalinTest.test(echo, (echoServer, echoClient) -> JavalinTest.test(
                thisInstance(activeOn(hostOf(echoServer))), (server, client) -> {
                    String body = "{\"userId\":\"alice\",\"password\":\"correct horse battery\"}";
                    Response response = client.post("/api/v1/auth/login", body); // sent as application/json

                    assertThat(response.code()).isEqualTo(201);
                    assertThat(response.headers().get("X-Cache")).containsExactly("miss");
                    assertThat(json(response).get("method").asText()).isEqualTo("POST");
                    assertThat(json(response).get("body").asText()).isEqualTo(body);
                    assertThat(json(response).get("contentType").asText()).startsWith("application/json");
                    assertThat(locatedStores).containsExactly(StoreNames.USER_ACCOUNTS);
                }));
    }

    @Test
    void shouldAskTheOwnerOnceWhenItAnswersUnavailable() {
        AtomicInteger asked = new AtomicInteger();
        Javalin restoring = Javalin.create(config -> config.routes.get("/api/v1/users/{userId}/summary", ctx -> {
            asked.incrementAndGet();
            ctx.status(503).header("Retry-After", "1").json(Map.of("error", "unavailable"));
        }));
        JavalinTest.test(restoring, (ownerServer, ownerClient) -> JavalinTest.test(
                thisInstance(activeOn(hostOf(ownerServer))), (server, client) -> {
                    Response response = get(client, SUMMARY);

                    assertThat(response.code()).isEqualTo(503);
                    assertThat(response.headers().get("Retry-After")).containsExactly("1");
                    assertThat(asked).as("the caller decides when to ask again").hasValue(1);
                }));
    }

    @Test
    void shouldAskAgainOnANewConnectionWhenTheOwnerClosedAKeptAliveOne() throws Exception {
        try (OneAnswerPerConnection owner = new OneAnswerPerConnection(
                "{\"userId\":\"alice\",\"month\":\"2026-02\"}")) {
            JavalinTest.test(thisInstance(activeOn(owner.host())), (server, client) -> {
                Response first = get(client, SUMMARY);
                owner.awaitClosed(1);
                Response second = get(client, SUMMARY);

                assertThat(first.code()).isEqualTo(200);
                assertThat(second.code()).as("not a 503 for a connection the owner had closed").isEqualTo(200);
                assertThat(json(second).get("month").asText()).isEqualTo("2026-02");
                assertThat(owner.connections()).as("the second request on a new connection").isEqualTo(2);
            });
        }
    }

    /**
     * An owner that answers one request per connection and then closes it without saying so (no
     * {@code Connection: close}), as a server whose idle timeout ran out does, so the client's kept-alive
     * connection is dead when it is next used.
     */
    private static final class OneAnswerPerConnection implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();
        private final Thread acceptor;

        OneAnswerPerConnection(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // the request's head; a GET has no body
                        }
                        OutputStream out = connection.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                    closed.incrementAndGet();
                }
            });
        }

        HostInfo host() {
            return new HostInfo("127.0.0.1", socket.getLocalPort());
        }

        int connections() {
            return connections.get();
        }

        void awaitClosed(int count) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() >= count);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void shouldNeverForwardARequestThatWasAlreadyForwarded() {
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner)), (server, client) -> {
            Response response = get(client, SUMMARY, request -> request.header(OwnerRouting.FORWARDED_HEADER, MARK));

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("detail").asText()).contains("already forwarded");
        }));
    }

    @Test
    void shouldAnswerAForwardedRequestFromAStandbyHereOnlyWhereStaleIsAllowed() {
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner, SELF)), (server, client) -> {
            Response refused = get(client, SUMMARY, request -> request.header(OwnerRouting.FORWARDED_HEADER, MARK));
            Response stale = get(client, SUMMARY + "&allowStale=true",
                    request -> request.header(OwnerRouting.FORWARDED_HEADER, MARK));

            assertThat(refused.code()).isEqualTo(503);
            assertThat(json(refused).get("detail").asText()).contains("allowStale=true");
            assertThat(stale.code()).isEqualTo(200);
            assertThat(stale.headers().get(OwnerRouting.STALE_HEADER)).containsExactly("true");
            assertThat(json(stale).get("income").asText()).isEqualTo("1.00");
        }));
    }

    @Test
    void shouldForwardARequestWhoseForwardedMarkIsNotThePeersOwn() {
        withOwner(owner -> JavalinTest.test(thisInstance(activeOn(owner)), (server, client) -> {
            Response response = get(client, SUMMARY, request -> request.header(OwnerRouting.FORWARDED_HEADER, "true"));

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).get("income").asText()).as("the owner's answer").isEqualTo("2500.00");
        }));
    }

    @Test
    void shouldAnswerLocallyWhereThisInstanceHoldsTheActiveTask() {
        JavalinTest.test(thisInstance(activeOn(SELF)), (server, client) -> {
            Response response = get(client, SUMMARY);

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get(OwnerRouting.STALE_HEADER)).isNull();
            assertThat(json(response).get("income").asText()).isEqualTo("1.00");
        });
    }

    @Test
    void shouldAskAStandbyElsewhereWhenTheActiveHostIsUnreachableOnlyWhereStaleIsAllowed() throws IOException {
        HostInfo gone = unreachableHost();
        withOwner(standby -> JavalinTest.test(thisInstance(activeOn(gone, standby)), (server, client) -> {
            Response refused = get(client, SUMMARY);
            Response stale = get(client, SUMMARY + "&allowStale=true");

            assertThat(refused.code()).isEqualTo(503);
            assertThat(refused.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(refused).get("detail").asText()).contains("unreachable").contains("allowStale=true");
            assertThat(stale.code()).isEqualTo(200);
            assertThat(stale.headers().get(OwnerRouting.STALE_HEADER)).as("relayed from the standby").containsExactly("true");
            assertThat(json(stale).get("income").asText()).isEqualTo("2500.00");
        }));
    }

    @Test
    void shouldAnswerFromTheStandbyHereWhenTheActiveHostIsUnreachableOnlyWhereStaleIsAllowed() throws IOException {
        JavalinTest.test(thisInstance(activeOn(unreachableHost(), SELF)), (server, client) -> {
            Response refused = get(client, SUMMARY);
            Response stale = get(client, SUMMARY + "&allowStale=true");

            assertThat(refused.code()).isEqualTo(503);
            assertThat(stale.code()).isEqualTo(200);
            assertThat(stale.headers().get(OwnerRouting.STALE_HEADER)).containsExactly("true");
            assertThat(json(stale).get("income").asText()).isEqualTo("1.00");
        });
    }

    @Test
    void shouldAnswer503WhenNoInstanceCanBeReached() throws IOException {
        JavalinTest.test(thisInstance(activeOn(unreachableHost())), (server, client) -> {
            Response response = get(client, SUMMARY);

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("detail").asText()).contains("unreachable");
        });
    }

    @Test
    void shouldAnswer503WhileKeyMetadataIsNotAvailable() {
        KeyLocator rebalancing = (store, userId) -> {
            throw new StateNotQueryableException("no metadata for store " + store + " yet (rebalancing)");
        };
        JavalinTest.test(thisInstance(rebalancing), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/alerts");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(locatedStores).containsExactly(StoreNames.ALERTS);
        });
    }

    @Test
    void shouldRejectBadInputHereWithoutLocatingTheOwner() throws IOException {
        JavalinTest.test(thisInstance(activeOn(unreachableHost())), (server, client) -> {
            assertThat(get(client, "/api/v1/users/alice/summary?month=13-2026").code()).isEqualTo(400);
            assertThat(locatedStores).isEmpty();
        });
    }
}
