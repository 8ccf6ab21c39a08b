package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.http.error.ErrorMapping;
import io.ledgerstream.api.testing.FakeUserStateReader;
import io.ledgerstream.api.testing.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every request has an id: the caller's, or a new one; it is answered and in the logs of the request. */
class RequestIdTest {

    private final Logger errors = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void detach() {
        errors.detachAppender(logged);
    }

    @Test
    void shouldAnswerTheCallersIdOrANewOne() {
        JavalinTest.test(TestApi.app(new FakeUserStateReader()), (server, client) -> {
            Response given = client.get("/health", request -> request.header("X-Request-Id", "lb-4711.a"));
            Response none = client.get("/health");
            Response odd = client.get("/health", request -> request.header("X-Request-Id", "not an id; drop table"));

            assertThat(given.headers().get("X-Request-Id")).containsExactly("lb-4711.a");
            assertThat(none.headers().get("X-Request-Id")).singleElement().asString().matches("[0-9a-f]{16}");
            assertThat(odd.headers().get("X-Request-Id")).singleElement().asString().matches("[0-9a-f]{16}");
        });
    }

    @Test
    void shouldPutTheIdIntoWhatIsLoggedWhileAnswering() {
        logged.start();
        errors.addAppender(logged);
        FakeUserStateReader failing = new FakeUserStateReader().failingWith(new IllegalStateException("disk on fire"));
        JavalinTest.test(TestApi.app(failing), (server, client) -> {
            Response response = get(client, "/api/v1/users/alice/months", request -> request.header("X-Request-Id", "req-1"));

            assertThat(response.code()).isEqualTo(500);
            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("/api/v1/users/alice/months");
                assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-1");
            });
        });
    }
}
