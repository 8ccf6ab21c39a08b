package io.ledgerstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerstream.api.auth.TokenService;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of the API, as a dashboard would call it: each request under
 * {@code /api/v1/users/<userId>/} carries a token of that user, signed with {@link TestStack#JWT_SECRET}.
 */
final class ApiClient {

    private static final TokenService TOKENS = new TokenService(TestStack.JWT_SECRET, Duration.ofMinutes(15),
            Clock.systemUTC());
    private static final Pattern USER_PATH = Pattern.compile("/api/v1/users/([^/?]+)");

    record Reply(int status, JsonNode body, HttpHeaders headers) {

        /** The first value of a response header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply get(String path) {
        try {
            HttpResponse<String> response = http.send(asUserOf(path, HttpRequest.newBuilder(URI.create(baseUrl + path)))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    private Reply send(String method, String path, String json) {
        try {
            HttpResponse<String> response = http.send(asUserOf(path, HttpRequest.newBuilder(URI.create(baseUrl + path)))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return baseUrl;
    }

    private static HttpRequest.Builder asUserOf(String path, HttpRequest.Builder request) {
        Matcher user = USER_PATH.matcher(path);
        if (user.lookingAt()) {
            String userId = URLDecoder.decode(user.group(1), StandardCharsets.UTF_8);
            request.header("Authorization", "Bearer " + TOKENS.issue(userId, Set.of()).token());
        }
        return request;
    }
}
