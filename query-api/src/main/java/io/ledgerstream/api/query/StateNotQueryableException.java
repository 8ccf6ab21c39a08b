package io.ledgerstream.api.query;

/**
 * The state a request needs cannot be read right now: Streams is not RUNNING, the key's partition is
 * migrating or restoring, or its owner cannot be reached. Transient by nature, so the API answers
 * 503 with {@code Retry-After}.
 */
public class StateNotQueryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateNotQueryableException(String message) {
        super(message);
    }

    public StateNotQueryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
