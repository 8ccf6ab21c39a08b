package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.NotificationSettings;
import java.util.Optional;

/** One way of telling a user of an alert: a webhook, e-mail. */
public interface Channel {

    /** {@code webhook}, {@code email}: names the channel in the delivery ledger and in dead letters. */
    String name();

    /** Where this user wants alerts on this channel, if anywhere. */
    Optional<String> address(NotificationSettings settings);

    /**
     * Delivers one alert, once.
     *
     * @throws DeliveryException if it did not arrive; {@link DeliveryException#retryable()} says whether
     *                           trying again can help
     */
    void send(Alert alert, String address) throws DeliveryException;
}
