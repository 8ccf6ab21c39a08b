package io.ledgerstream.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.util.Set;

/**
 * Tokens of an external identity provider, verified with the public keys it publishes as a JWKS
 * (nimbus' {@link JWKSourceBuilder}: fetched on first use, cached, fetched again for an unknown key
 * id, so the provider's key rotation needs nothing here). Accepted: RSA, RSA-PSS and EC signatures,
 * the configured issuer (and audience, if one is configured), a subject and an expiry. The subject
 * is the user id. Such a token never carries the admin scope: an outside provider's scope names
 * are not ours to trust.
 */
public final class ExternalTokens {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** @param audience null to accept any audience */
    public ExternalTokens(URL jwks, String issuer, String audience) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks).retrying(true).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    /** @throws io.ledgerstream.api.http.error.UnauthorizedException if the token is not one of the provider's, or has expired */
    Principal verify(String token) {
        JWTClaimsSet claims = TokenService.claims(processor, token);
        String tokenId = claims.getJWTID() != null ? claims.getJWTID()
                : claims.getSubject() + "@" + claims.getExpirationTime().getTime();
        return new Principal(claims.getSubject(), Set.of(), tokenId);
    }
}
