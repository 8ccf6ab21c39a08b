package io.ledgerstream.api.http.dto;

/**
 * Every error the API answers: a short machine-readable {@code error} and a {@code detail} for a person.
 */
public record ErrorResponse(String error, String detail) {
}
