package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.NotificationSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs each alert as JSON ({@link AlertJson}) to the user's webhook URL, signed: the header
 * {@value #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes with
 * the notifier's key, so the receiver can tell the alert came from us, unaltered. The alert id is in
 * {@value #ALERT_ID_HEADER} too, for receivers that de-duplicate. A 2xx answer is delivered; a
 * timeout, a connection failure, 408, 429 or 5xx may pass on another attempt; any other answer will
 * not.
 */
public final class WebhookChannel implements Channel {

    public static final String SIGNATURE_HEADER = "X-Ledgerstream-Signature";
    public static final String ALERT_ID_HEADER = "X-Ledgerstream-Alert-Id";

    private final HttpClient http;
    private final byte[] key;
    private final Duration timeout;

    /**
     * @param key     the signing key (LEDGERSTREAM_WEBHOOK_SECRET)
     * @param timeout for connecting and for the whole answer
     */
    public WebhookChannel(String key, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Optional<String> address(NotificationSettings settings) {
        return Optional.ofNullable(settings.getWebhookUrl()).filter(url -> !url.isBlank());
    }

    @Override
    public void send(Alert alert, String address) throws DeliveryException {
        byte[] body = AlertJson.of(alert);
        HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(body))
                .header(ALERT_ID_HEADER, alert.getAlertId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer within " + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            throw new DeliveryException("cannot reach the webhook: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new DeliveryException("the webhook answered HTTP " + status,
                    status == 408 || status == 429 || status >= 500);
        }
    }

    /** The hex HMAC-SHA256 of {@code body} with the signing key. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
