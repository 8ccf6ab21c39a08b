package io.ledgerstream.api.http;

import io.ledgerstream.api.auth.Authentication;
import io.ledgerstream.api.publish.UserCommandPublisher;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the HTTP API needs from the rest of the process; tests pass fakes.
 *
 * @param streamsState the Streams instance's state, for readiness
 * @param clock        stamps corrections, settings and accounts
 * @param auth         tokens, passwords and the limit on failed logins
 */
public record ApiDependencies(UserStateReader reader, OwnerRouting routing, UserCommandPublisher publisher,
                              Supplier<KafkaStreams.State> streamsState, Clock clock,
                              Authentication auth) {
}
