package io.ledgerstream.connectors.kafka;

/** Records could not be published; the message names the topic and how many were lost. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
