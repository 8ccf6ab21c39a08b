package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simplest notifier: one log line per alert. The demo uses it. */
public final class LogNotifier implements AlertListener {

    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    @Override
    public void deliver(Alert alert) {
        LOG.info("ALERT {} [{} {}] user {}: {}", alert.getAlertId(), alert.getSeverity(), alert.getType(),
                alert.getUserId(), alert.getMessage());
    }
}
