package io.ledgerstream.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ledgerstream.api.http.error.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the API's tokens: JWTs signed with HMAC-SHA256 (nimbus-jose-jwt), subject the
 * user id, issuer {@value #ISSUER}, short-lived, with the account's scopes in {@code scope}
 * (space-separated, as OAuth spells it). Every instance that shares the secret accepts every other's.
 */
public final class TokenService {

    public static final String ISSUER = "ledgerstream";
    public static final int MIN_SECRET_BYTES = 32;
    private static final String SCOPE = "scope";

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** What {@link #issue} hands out. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /**
     * @param secret at least {@value #MIN_SECRET_BYTES} bytes (UTF-8)
     * @param clock  stamps issue and expiry (tests issue tokens in the past); verification uses the
     *               system clock, with nimbus' one minute of allowed skew
     */
    public TokenService(String secret, Duration ttl, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + this.secret.length);
        }
        this.ttl = ttl;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(this.secret)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat")));
    }

    /** A random secret, for a single process that was given none. */
    public static String randomSecret() {
        byte[] bytes = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public IssuedToken issue(String userId, Set<String> scopes) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (!scopes.isEmpty()) {
            claims.claim(SCOPE, String.join(" ", scopes.stream().sorted().toList()));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }

    /**
     * @throws UnauthorizedException if the token is malformed, not signed with this secret (or not
     *                               with HS256), from another issuer, or expired
     */
    public Principal verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            throw new UnauthorizedException(e.getMessage().contains("Expired") ? "the token has expired"
                    : "the token's claims are not valid: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new UnauthorizedException("the token is not valid: " + e.getMessage());
        }
        return new Principal(claims.getSubject(), scopes(claims));
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim(SCOPE);
        if (!(scope instanceof String text) || text.isBlank()) {
            return Set.of();
        }
        return new HashSet<>(List.of(text.strip().split("\\s+")));
    }
}
