package io.ledgerstream.api.http.dto;

import java.util.List;

/** Answer of {@code POST /api/v1/auth/login}: send {@code Authorization: Bearer <token>} until {@code expiresAt}. */
public record TokenResponse(String token, String tokenType, String expiresAt, String userId, List<String> scopes) {
}
