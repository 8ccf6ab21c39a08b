package io.ledgerstream.api.http;

import io.ledgerstream.api.auth.Authentication;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.publish.UserCommandPublisher;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the HTTP API needs from the rest of the process; tests pass fakes.
 *
 * @param streamsState the Streams instance's state, for readiness
 * @param clock        stamps corrections, settings and accounts
 * @param auth         tokens, passwords and the limit on failed logins
 * @param cache        the shared response cache of /summary and /months
 * @param limits       requests per token
 * @param meters       where the API's metrics go, served at /metrics
 * @param liveAlerts   the browsers listening for alerts here
 */
public record ApiDependencies(UserStateReader reader, OwnerRouting routing, UserCommandPublisher publisher,
                              Supplier<KafkaStreams.State> streamsState, Clock clock,
                              Authentication auth, ResponseCache cache, RateLimiter limits,
                              PrometheusMeterRegistry meters, LiveAlerts liveAlerts) {
}
