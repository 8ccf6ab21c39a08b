package io.ledgerstream.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle), stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64) so that the cost can be
 * raised later and old hashes still verify with the cost they were made with.
 *
 * <p>Bouncy Castle computes Argon2 but has no PHC encoding; the few lines of it are here rather than
 * a dependency on a web framework's password encoder for them.
 */
public final class PasswordHasher {

    /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane (about 50 ms here). */
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    /** Verified against when the user has no account, so that a wrong user id costs as long as a wrong password. */
    private final String decoy;

    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS);
    }

    /** A hasher of another cost: tests use a cheap one; a deployment keeps the default. */
    public PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.decoy = hash("not a password of anyone");
    }

    /** A new hash of {@code password} with a random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code phc} was made from; false for a malformed hash. */
    public boolean verify(String password, String phc) {
        Matcher parts = PHC.matcher(phc);
        if (!parts.matches()) {
            return false;
        }
        byte[] salt = DECODER.decode(parts.group(4));
        byte[] expected = DECODER.decode(parts.group(5));
        byte[] actual = argon2(password, salt, Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                Integer.parseInt(parts.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification and answers false: for a login of a user without an account. */
    public boolean verifyNoAccount(String password) {
        verify(password, decoy);
        return false;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
