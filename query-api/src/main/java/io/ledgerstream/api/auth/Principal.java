package io.ledgerstream.api.auth;

import java.util.Set;

/**
 * Who a verified token speaks for.
 *
 * @param userId the token's subject
 * @param scopes  what else it may do; {@value #ADMIN} reads and writes every user's data
 * @param tokenId the token's own id ({@code jti}), what rate limits count by
 */
public record Principal(String userId, Set<String> scopes, String tokenId) {

    public static final String ADMIN = "admin";

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    /** A user acts on their own data only; an admin on anyone's. */
    public boolean mayActFor(String user) {
        return isAdmin() || userId.equals(user);
    }
}
