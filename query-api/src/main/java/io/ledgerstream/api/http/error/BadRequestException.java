package io.ledgerstream.api.http.error;

/** The request is malformed or invalid: answered 400 with the detail. */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String detail) {
        super(detail);
    }
}
