package io.ledgerstream.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ledgerstream.api.http.error.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the API's tokens: JWTs signed with HMAC-SHA256 (nimbus-jose-jwt), subject the
 * user id, issuer {@value #ISSUER}, short-lived, with the account's scopes in {@code scope}
 * (space-separated, as OAuth spells it). Every instance that shares the secret accepts every other's.
 * Optionally also an external identity provider's tokens ({@link ExternalTokens}).
 */
public final class TokenService {

    public static final String ISSUER = "ledgerstream";
    public static final int MIN_SECRET_BYTES = 32;
    private static final String SCOPE = "scope";

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    /** Tokens a busy instance keeps verified; beyond this many the least used are verified again. */
    static final int VERIFIED_TOKENS = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final ExternalTokens external;
    /**
     * Our own tokens already verified, with the last moment nimbus would still accept each (expiry
     * plus its allowed clock skew). Checking a token's signature and parsing its claims was a fifth
     * of a /summary request's CPU; the same token string always verifies to the same claims, and
     * nothing revokes a token before it expires, so a token found here is answered as verified. An
     * external provider's tokens are not kept: its key set can drop a key.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS).build();

    private record Verified(Principal principal, long acceptedUntilMillis) {
    }

    /** What {@link #issue} hands out. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /**
     * @param secret at least {@value #MIN_SECRET_BYTES} bytes (UTF-8)
     * @param clock  stamps issue and expiry (tests issue tokens in the past); verification uses the
     *               system clock, with nimbus' one minute of allowed skew
     */
    public TokenService(String secret, Duration ttl, Clock clock) {
        this(secret, ttl, clock, null);
    }

    /**
     * As {@link #TokenService(String, Duration, Clock)}, also accepting tokens of an external
     * identity provider, told apart by their signature algorithm (anything but HS256).
     *
     * @param external null for none
     */
    public TokenService(String secret, Duration ttl, Clock clock, ExternalTokens external) {
        this.external = external;
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

    /**
     * What an instance puts in {@link io.ledgerstream.api.routing.OwnerRouting#FORWARDED_HEADER} when it
     * forwards a request to another: derived from the shared secret (HMAC-SHA256 of a fixed label), so
     * instances know a forward from a peer, and a caller cannot pass one off as such.
     */
    public String forwardingMark() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal("ledgerstream forwarded request".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
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
        if (external != null && !signedByUs(token)) {
            return external.verify(token);
        }
        Verified known = verified.getIfPresent(token);
        if (known != null && System.currentTimeMillis() < known.acceptedUntilMillis()) {
            return known.principal();
        }
        JWTClaimsSet claims = claims(processor, token);
        // a token of ours has an id; one signed elsewhere may not, and is then told apart by subject and issue time
        String tokenId = claims.getJWTID() != null ? claims.getJWTID()
                : claims.getSubject() + "@" + claims.getIssueTime().toInstant().getEpochSecond();
        Principal principal = new Principal(claims.getSubject(), scopes(claims), tokenId);
        // the processor checks expiry against the system clock, allowing its clock skew
        long skewMillis = ((DefaultJWTClaimsVerifier<?>) processor.getJWTClaimsSetVerifier()).getMaxClockSkew() * 1000L;
        verified.put(token, new Verified(principal, claims.getExpirationTime().getTime() + skewMillis));
        return principal;
    }

    /**
     * The claims of a token {@code processor} accepts.
     *
     * @throws UnauthorizedException saying why it does not
     */
    static JWTClaimsSet claims(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            return processor.process(token, null);
        } catch (BadJWTException e) {
            throw new UnauthorizedException(e.getMessage().contains("Expired") ? "the token has expired"
                    : "the token's claims are not valid: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new UnauthorizedException("the token is not valid: " + e.getMessage());
        }
    }

    /** Whether the token says it is signed as ours are (HS256); a token that cannot be read is ours to refuse. */
    private static boolean signedByUs(String token) {
        try {
            return JWSAlgorithm.HS256.equals(JWSHeader.parse(Base64URL.from(token.substring(0, Math.max(0,
                    token.indexOf('.'))))).getAlgorithm());
        } catch (ParseException | IllegalArgumentException e) {
            return true;
        }
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim(SCOPE);
        if (!(scope instanceof String text) || text.isBlank()) {
            return Set.of();
        }
        return new HashSet<>(List.of(text.strip().split("\\s+")));
    }
}
