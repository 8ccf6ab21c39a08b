package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;

/** Delivers one alert somewhere (a log, a webhook, an e-mail). */
@FunctionalInterface
public interface AlertListener {

    void deliver(Alert alert);
}
