package io.ledgerstream.api.http.error;

/** The request contradicts the state, e.g. a user id already registered: answered 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super(detail);
    }
}
