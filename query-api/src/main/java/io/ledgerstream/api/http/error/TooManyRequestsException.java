package io.ledgerstream.api.http.error;

import java.time.Duration;

/** Over a limit (requests per token, failed logins): answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
