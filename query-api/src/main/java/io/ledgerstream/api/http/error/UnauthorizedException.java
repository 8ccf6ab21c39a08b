package io.ledgerstream.api.http.error;

/** No token, or one that is not valid: answered 401 with {@code WWW-Authenticate: Bearer}. */
public class UnauthorizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String detail) {
        super(detail);
    }
}
