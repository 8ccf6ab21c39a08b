package io.ledgerstream.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ledgerstream.schemas.avro.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookChannelTest {

    private static final String KEY = "test-signing-key";

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static Map<String, String> fields(byte[] json) throws Exception {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getText());
            }
        }
        return fields;
    }

    @Test
    void shouldPostTheAlertAsJsonSignedWithHmacSha256OfTheBody() throws Exception {
        Alert alert = Alerts.alert("alice", "a-1", "412.5");

        new WebhookChannel(KEY, Duration.ofSeconds(5)).send(alert, receiver.url("/hooks/alice"));

        assertThat(receiver.calls).hasSize(1);
        WebhookReceiver.Call call = receiver.calls.getFirst();
        assertThat(call.path()).isEqualTo("/hooks/alice");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(call.header("X-Ledgerstream-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(call.body())));
        assertThat(call.header("X-Ledgerstream-Alert-Id")).isEqualTo("a-1");
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        Map<String, String> json = fields(call.body());
        assertThat(json).containsEntry("alertId", "a-1").containsEntry("userId", "alice")
                .containsEntry("type", "UNUSUAL_AMOUNT").containsEntry("severity", "WARNING")
                .containsEntry("amount", "412.50").containsEntry("currency", "EUR")
                .containsEntry("category", "GENERAL_MERCHANDISE").containsEntry("month", null)
                .containsEntry("message", alert.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}: retryable {1}")
    @CsvSource({"500, true", "503, true", "429, true", "408, true", "404, false", "400, false", "410, false"})
    void shouldTellFailuresThatMayPassFromThoseThatWillNot(int status, boolean retryable) {
        receiver.answer(status);

        assertThatThrownBy(() -> new WebhookChannel(KEY, Duration.ofSeconds(5)).send(Alerts.alert("alice", "a-1", "1"),
                receiver.url("/")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isEqualTo(retryable);
                    assertThat(e.getMessage()).contains("HTTP " + status);
                });
    }

    @Test
    void shouldGiveUpOnASlowReceiverAtTheTimeoutAndMayTryAgain() {
        receiver.delay(2_000);

        assertThatThrownBy(() -> new WebhookChannel(KEY, Duration.ofMillis(300)).send(Alerts.alert("alice", "a-1", "1"),
                receiver.url("/")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void shouldTryAgainLaterWhenNothingListens() {
        String closed = receiver.url("/");
        receiver.close();

        assertThatThrownBy(() -> new WebhookChannel(KEY, Duration.ofSeconds(2)).send(Alerts.alert("alice", "a-1", "1"), closed))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
