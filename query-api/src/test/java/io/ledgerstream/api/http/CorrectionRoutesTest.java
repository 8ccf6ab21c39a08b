package io.ledgerstream.api.http;

import static io.ledgerstream.api.testing.TestApi.get;
import static io.ledgerstream.api.testing.TestApi.json;
import static io.ledgerstream.api.testing.TestApi.postRaw;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.ledgerstream.api.testing.RecordingPublisher;
import io.ledgerstream.api.testing.TestApi;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrectionRoutesTest {

    private static final String PATH = "/api/v1/users/alice/corrections";

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void shouldPublishACorrectionOfOneTransactionAndAnswer202() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = postRaw(client, PATH, """
                    {"transactionId": "t-1", "category": "FOOD_AND_DRINK"}""");

            assertThat(response.code()).isEqualTo(202);
            assertThat(json(response).get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(json(response).get("userId").asText()).isEqualTo("alice");
            assertThat(publisher.corrections).containsExactly(CategoryCorrection.newBuilder()
                    .setUserId("alice")
                    .setTransactionId("t-1")
                    .setMerchant(null)
                    .setCategory(Category.FOOD_AND_DRINK)
                    .setCorrectedAt(TestApi.NOW)
                    .build());
        });
    }

    @Test
    void shouldPublishACorrectionOfAMerchant() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = postRaw(client, PATH, """
                    {"merchant": "Tesco", "category": "GENERAL_MERCHANDISE"}""");

            assertThat(response.code()).isEqualTo(202);
            CategoryCorrection correction = publisher.corrections.getFirst();
            assertThat(correction.getMerchant()).isEqualTo("Tesco");
            assertThat(correction.getTransactionId()).isNull();
            assertThat(correction.getCategory()).isEqualTo(Category.GENERAL_MERCHANDISE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"transactionId\": \"t-1\", \"merchant\": \"Tesco\", \"category\": \"TRAVEL\"}",
            "{\"category\": \"TRAVEL\"}",
            "{\"merchant\": \"  \", \"category\": \"TRAVEL\"}",
            "{\"transactionId\": \"t-1\"}",
            "{\"transactionId\": \"t-1\", \"category\": \"GROCERIES\"}",
            "{\"transactionId\": \"t-1\", \"category\": \"food_and_drink\"}",
            "{\"transactionId\": 17, \"category\": \"TRAVEL\"}",
            "{\"transactionId\": \"t-1\", \"category\": \"TRAVEL\", \"userId\": \"mallory\"}",
            "{\"transactionId\": \"t-1\", \"category\": ",
            "[\"t-1\", \"TRAVEL\"]",
            "null",
            ""})
    void shouldRejectABadCorrectionWithoutPublishing(String body) {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = postRaw(client, PATH, body);

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
            assertThat(json(response).get("detail").asText()).isNotBlank();
            assertThat(publisher.corrections).isEmpty();
        });
    }

    @Test
    void shouldNameTheKnownCategoriesWhenOneIsUnknown() {
        JavalinTest.test(TestApi.app(publisher), (server, client) -> {
            Response response = postRaw(client, PATH, """
                    {"transactionId": "t-1", "category": "GROCERIES"}""");

            assertThat(json(response).get("detail").asText()).contains("GROCERIES").contains("FOOD_AND_DRINK");
        });
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBrokerDoesNotAcknowledge() {
        JavalinTest.test(TestApi.app(publisher.withBrokerDown()), (server, client) -> {
            Response response = postRaw(client, PATH, """
                    {"transactionId": "t-1", "category": "TRAVEL"}""");

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(json(response).get("error").asText()).isEqualTo("publish_failed");
        });
    }
}
