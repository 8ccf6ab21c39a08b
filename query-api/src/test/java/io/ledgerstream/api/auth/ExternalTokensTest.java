package io.ledgerstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import io.ledgerstream.api.http.error.UnauthorizedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens of an external identity provider, whose JWKS a real HTTP server of the test publishes. */
class ExternalTokensTest {

    private static final String ISSUER = "https://id.example.org";
    private static final String SECRET = "test-secret-of-at-least-thirty-two-bytes";

    private RSAKey providerKey;
    private Javalin provider;
    private TokenService tokens;

    @BeforeEach
    void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        String jwks = new JWKSet(providerKey.toPublicJWK()).toString();
        provider = Javalin.create(config -> config.routes.get("/jwks.json", ctx -> ctx.contentType("application/json")
                .result(jwks))).start("127.0.0.1", 0);
        ExternalTokens external = new ExternalTokens(
                URI.create("http://127.0.0.1:" + provider.port() + "/jwks.json").toURL(), ISSUER, "ledgerstream-api");
        tokens = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC(), external);
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void shouldAcceptTheProvidersTokenWithItsSubjectAndNeverAsAdmin() throws JOSEException {
        Principal principal = tokens.verify(sign(providerKey, claims().claim("scope", "admin").build()));

        assertThat(principal.userId()).isEqualTo("alice");
        assertThat(principal.isAdmin()).as("the provider's scope names are not ours").isFalse();
        assertThat(principal.tokenId()).isEqualTo("ext-1");
    }

    @Test
    void shouldStillAcceptTheDeploymentsOwnTokens() {
        String own = tokens.issue("bob", Set.of(Principal.ADMIN)).token();

        assertThat(tokens.verify(own).isAdmin()).isTrue();
    }

    @Test
    void shouldRefuseAnotherIssuerAudienceAKeyNotPublishedAndAnExpiredToken() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();

        assertThatThrownBy(() -> tokens.verify(sign(providerKey, claims().issuer("https://evil.example").build())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> tokens.verify(sign(providerKey, claims().audience("another-api").build())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> tokens.verify(sign(impostor, claims().build())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> tokens.verify(sign(providerKey, claims()
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build())))
                .isInstanceOf(UnauthorizedException.class).hasMessage("the token has expired");
    }

    @Test
    void shouldRefuseTheProvidersTokensWhereNoProviderIsConfigured() throws JOSEException {
        TokenService ownOnly = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC());

        assertThatThrownBy(() -> ownOnly.verify(sign(providerKey, claims().build())))
                .isInstanceOf(UnauthorizedException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").audience("ledgerstream-api").jwtID("ext-1")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
