package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;

/** Body of {@code POST /api/v1/auth/register} and {@code /login}. */
public record CredentialsRequest(String userId, String password) {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;

    /** @throws BadRequestException if the password is missing, or on registration too short or too long */
    public String checkedPassword(boolean registering) {
        if (password == null || password.isEmpty()) {
            throw new BadRequestException("password is required");
        }
        if (registering && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            throw new BadRequestException("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters, got " + password.length());
        }
        return password;
    }
}
