package io.ledgerstream.stack;

/** A local-stack component could not be started, or its data directory could not be prepared. */
public class LocalStackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, with what the user can do about it
     */
    public LocalStackException(final String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with what the user can do about it
     * @param cause the underlying failure
     */
    public LocalStackException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
