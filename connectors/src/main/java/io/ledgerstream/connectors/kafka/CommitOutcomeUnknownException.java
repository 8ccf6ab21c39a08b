package io.ledgerstream.connectors.kafka;

/**
 * A transaction's commit was sent but not confirmed (a timeout, a lost connection): the records may
 * or may not have been published. Publishing the same records again is the way out.
 */
public class CommitOutcomeUnknownException extends PublishException {

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
