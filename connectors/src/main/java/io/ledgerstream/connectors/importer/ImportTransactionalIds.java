package io.ledgerstream.connectors.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Kafka {@code transactional.id} of an import: {@code ledgerstream-import-} and a hash of the
 * user and the file's bytes.
 *
 * <p>Why stable rather than random per run: a run killed half-way leaves its transaction open, and
 * until it is aborted every {@code read_committed} consumer of that partition (all users on it, not
 * only this one) stalls at the open transaction, up to {@code transaction.timeout.ms}. Rerunning the
 * same import uses the same id, so its {@code initTransactions} fences the dead run and aborts its
 * transaction at once. Two concurrent imports of the same file for the same user fence each other;
 * the loser fails with a clear message, and since transaction ids are stable nothing is lost by
 * importing again. The content, not the path, names the work: a renamed copy is the same import.
 */
public final class ImportTransactionalIds {

    public static final String PREFIX = "ledgerstream-import-";

    private static final int HEX_CHARS = 32;

    private ImportTransactionalIds() {
    }

    /** The id for importing {@code file} for {@code userId}. */
    public static String of(String userId, Path file) throws IOException {
        MessageDigest digest = sha256();
        digest.update(userId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest()).substring(0, HEX_CHARS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
