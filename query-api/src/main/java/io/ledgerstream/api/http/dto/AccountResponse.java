package io.ledgerstream.api.http.dto;

import java.util.List;

/** Answer of {@code POST /api/v1/auth/register} (the account made) and {@code GET /api/v1/auth/me} (the caller). */
public record AccountResponse(String userId, List<String> scopes) {
}
