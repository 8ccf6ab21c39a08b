package io.ledgerstream.api.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * {@code /metrics} in Prometheus' text format, and the timing of every request into
 * {@code http.server.requests} (a histogram by method, route template and status).
 */
final class MetricsController {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;

    MetricsController(PrometheusMeterRegistry meters) {
        this.meters = meters;
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(meters.scrape());
    }

    /** Javalin's request logger: called once per request with its time in milliseconds. */
    void timed(Context ctx, Float millis) {
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(meters)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
