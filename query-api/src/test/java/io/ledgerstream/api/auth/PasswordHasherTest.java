package io.ledgerstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /**
     * Made by the reference implementation (Debian's {@code argon2} 20190702, not Bouncy Castle):
     * {@code echo -n 'correct horse battery staple' | argon2 saltsaltsaltsalt -id -t 2 -k 1024 -p 1 -l 32 -e}.
     */
    private static final String REFERENCE =
            "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";

    private final PasswordHasher hasher = new PasswordHasher(1024, 2);

    @Test
    void shouldVerifyAHashMadeByTheReferenceImplementation() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", REFERENCE)).isFalse();
    }

    @Test
    void shouldHashAsPhcStringsWithTheCostAndARandomSalt() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=2,p=1$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("correct horse battery staple", first)).isTrue();
        assertThat(hasher.verify("correct horse battery staple", second)).isTrue();
        assertThat(hasher.verify("Correct horse battery staple", first)).isFalse();
    }

    @Test
    void shouldVerifyWithTheCostStoredInTheHashNotTheCurrentOne() {
        String cheap = new PasswordHasher(512, 1).hash("an older password");

        assertThat(hasher.verify("an older password", cheap)).isTrue();
    }

    @Test
    void shouldUseOwaspsMinimumCostByDefault() {
        assertThat(new PasswordHasher().hash("a password of today")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void shouldRefuseMalformedHashesAndAnswerFalseWithoutAnAccount() {
        assertThat(hasher.verify("x", "$2a$10$bcrypt-is-not-argon2")).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verifyNoAccount("correct horse battery staple")).isFalse();
    }
}
