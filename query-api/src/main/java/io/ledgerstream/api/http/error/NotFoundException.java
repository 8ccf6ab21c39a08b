package io.ledgerstream.api.http.error;

/** An unknown user or month: answered 404 with the detail. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super(detail);
    }
}
