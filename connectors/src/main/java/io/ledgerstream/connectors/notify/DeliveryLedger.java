package io.ledgerstream.connectors.notify;

/**
 * Which alerts were delivered on which channel, shared by every notifier instance, so that an alert
 * read again (after a restart, a rebalance) is not delivered again.
 */
public interface DeliveryLedger {

    /** Whether the alert was delivered (or dead-lettered) on the channel before. */
    boolean done(String channel, String alertId);

    /** Records the alert as delivered, or dead-lettered, on the channel. */
    void record(String channel, String alertId, String outcome);
}
