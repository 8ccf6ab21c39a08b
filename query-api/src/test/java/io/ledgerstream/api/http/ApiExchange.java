package io.ledgerstream.api.http;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request to the real app over fakes, the operation it calls and the status it is meant to get,
 * for {@link OpenApiConformanceTest}.
 *
 * @param operation as the OpenAPI document names it: {@code "GET /api/v1/users/{userId}/summary"}
 * @param status    the status this exchange is made to produce
 * @param why       what makes it produce that status
 * @param app       a new app over fakes set up for this exchange
 * @param call      the request(s); the last one's answer is judged
 */
record ApiExchange(String operation, int status, String why, Supplier<Javalin> app, Function<Caller, Answer> call) {

    /**
     * Makes requests to the running app: Javalin's test client, and its port for a client of one's own.
     *
     * @param headerNames the response headers worth reading
     */
    record Caller(HttpClient client, int port, Collection<String> headerNames) {

        Answer answer(Response response) {
            return Answer.of(response, headerNames);
        }
    }

    /** What the app answered. Header names are looked up regardless of case. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        /** {@code response} with the values of {@code headerNames} that it has (testtools cannot list its headers). */
        static Answer of(Response response, Collection<String> headerNames) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : headerNames) {
                List<String> values = response.headers().get(name);
                if (values != null && !values.isEmpty()) {
                    headers.put(name, values);
                }
            }
            return new Answer(response.code(), headers, response.body().string());
        }

        /** An answer read with the JDK's client, whose headers can be listed. */
        static Answer of(int status, java.net.http.HttpHeaders jdkHeaders, String body) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(jdkHeaders.map());
            return new Answer(status, headers, body);
        }

        /** The media type of Content-Type, without parameters; empty without a Content-Type. */
        Optional<String> mediaType() {
            return Optional.ofNullable(headers.get("Content-Type")).flatMap(values -> values.stream().findFirst())
                    .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public String toString() {
        return operation + " → " + status + " (" + why + ")";
    }
}
