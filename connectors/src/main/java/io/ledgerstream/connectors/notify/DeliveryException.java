package io.ledgerstream.connectors.notify;

/** A delivery that failed, and whether another attempt can succeed (a timeout, a 503) or not (a 404). */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
