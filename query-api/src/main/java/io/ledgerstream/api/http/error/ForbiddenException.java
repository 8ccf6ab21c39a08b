package io.ledgerstream.api.http.error;

/** A valid token that may not do this (another user's data, registration without admin): answered 403. */
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(detail);
    }
}
