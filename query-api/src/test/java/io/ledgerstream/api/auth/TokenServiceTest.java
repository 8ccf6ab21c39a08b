package io.ledgerstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.http.error.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private final TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC());

    @Test
    void shouldIssueATokenWhoseSubjectAndScopesVerify() {
        TokenService.IssuedToken issued = tokens.issue("alice", Set.of("admin"));

        Principal principal = tokens.verify(issued.token());
        assertThat(principal.userId()).isEqualTo("alice");
        assertThat(principal.isAdmin()).isTrue();
        assertThat(issued.expiresAt()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60));
    }

    @Test
    void shouldAcceptATokenSignedByHandWithTheSameSecret() throws Exception {
        Principal principal = tokens.verify(signedByHand("bob", Instant.now().plusSeconds(60)));
        assertThat(principal.userId()).isEqualTo("bob");
        assertThat(principal.isAdmin()).isFalse();
    }

    @Test
    void shouldRefuseATokenOnceItExpiresThoughItWasVerifiedBefore() throws Exception {
        // nimbus accepts a token until a minute after its expiry (clock skew): this one for 1-2 s more
        String token = signedByHand("bob", Instant.now().minusSeconds(58));
        assertThat(tokens.verify(token).userId()).isEqualTo("bob");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(UnauthorizedException.class)
                        .hasMessage("the token has expired"));
    }

    @Test
    void shouldRefuseATamperedTokenAfterTheGenuineOneWasVerified() throws Exception {
        String genuine = tokens.issue("alice", Set.of()).token();
        assertThat(tokens.verify(genuine).userId()).isEqualTo("alice");
        String[] parts = genuine.split("\\.");
        String otherClaims = parts[0] + "." + base64("{\"iss\":\"ledgerstream\",\"sub\":\"bob\",\"iat\":1,\"exp\":99999999999}")
                + "." + parts[2];
        // the first character, not the last: the last one of a 32-byte signature carries two unused
        // bits, so changing it can leave the signature's bytes as they were (one time in sixteen)
        char first = parts[2].charAt(0);
        String otherSignature = parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertThatThrownBy(() -> tokens.verify(otherClaims)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> tokens.verify(otherSignature)).isInstanceOf(UnauthorizedException.class);
        assertThat(tokens.verify(genuine).userId()).isEqualTo("alice");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new TokenService(SECRET, Duration.ofMinutes(15), anHourAgo).issue("alice", Set.of()).token();

        assertThatThrownBy(() -> tokens.verify(expired)).isInstanceOf(UnauthorizedException.class)
                .hasMessage("the token has expired");
    }

    @Test
    void shouldRefuseATokenOfAnotherSecretATamperedOneAndUnsignedOnes() {
        String other = new TokenService("another-secret-of-at-least-32-bytes!!", Duration.ofMinutes(15), Clock.systemUTC())
                .issue("alice", Set.of()).token();
        String[] parts = tokens.issue("alice", Set.of()).token().split("\\.");
        String tampered = parts[0] + "." + base64("{\"iss\":\"ledgerstream\",\"sub\":\"bob\",\"iat\":1,\"exp\":99999999999}")
                + "." + parts[2];
        String unsigned = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";

        for (String token : new String[] {other, tampered, unsigned, "not-a-token", ""}) {
            assertThatThrownBy(() -> tokens.verify(token)).as(token).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void shouldRefuseASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new TokenService("short", Duration.ofMinutes(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    /** A token of ours built with the JDK's own HMAC, not nimbus: the format is plain HS256 JWT. */
    private static String signedByHand(String user, Instant expiry) throws Exception {
        long exp = expiry.getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64("{\"iss\":\"ledgerstream\",\"sub\":\"" + user + "\",\"iat\":" + (exp - 60)
                + ",\"exp\":" + exp + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
