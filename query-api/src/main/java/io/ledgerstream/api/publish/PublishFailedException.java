package io.ledgerstream.api.publish;

/** The broker did not acknowledge a record in time; the client may retry. */
public class PublishFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
