package io.ledgerstream.api.auth;

import io.javalin.http.Context;
import io.ledgerstream.api.http.error.ForbiddenException;
import io.ledgerstream.api.http.error.UnauthorizedException;
import java.util.Optional;

/**
 * Everything the API knows about who is calling: tokens, password hashes, the limit on failed
 * logins, and whether anyone may register.
 *
 * @param openRegistration true: anyone may register; false: only a caller with the admin scope
 */
public record Authentication(TokenService tokens, PasswordHasher passwords, FailedLogins failedLogins,
                             boolean openRegistration) {

    private static final String BEARER = "Bearer ";
    private static final String PRINCIPAL = "ledgerstream.principal";

    /**
     * The before-handler of every {@code /api/v1/users/{userId}/…} route: a valid bearer token whose
     * subject is that user, or one with the admin scope.
     *
     * @throws UnauthorizedException without a valid token
     * @throws ForbiddenException    with a token of another user
     */
    public void requireUser(Context ctx) {
        String userId = ctx.pathParam("userId");
        Principal principal = caller(ctx).orElseThrow(() -> new UnauthorizedException(
                "a bearer token is required (POST /api/v1/auth/login)"));
        if (!principal.mayActFor(userId)) {
            throw new ForbiddenException("the token is for user '" + principal.userId() + "', not '" + userId + "'");
        }
    }

    /**
     * The caller, if the request carries a token.
     *
     * @throws UnauthorizedException if it carries one that is not valid
     */
    public Optional<Principal> caller(Context ctx) {
        Principal known = ctx.attribute(PRINCIPAL);
        if (known != null) {
            return Optional.of(known);
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("the Authorization header must be 'Bearer <token>'");
        }
        Principal principal = tokens.verify(header.substring(BEARER.length()).strip());
        ctx.attribute(PRINCIPAL, principal);
        return Optional.of(principal);
    }
}
