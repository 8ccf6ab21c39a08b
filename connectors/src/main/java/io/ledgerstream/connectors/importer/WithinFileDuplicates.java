package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops rows a file repeats: the same transactionId with identical content as that id's latest
 * version so far (a bank export that lists a booking twice). Publishing it again would change
 * nothing, so it is published once and counted in the report.
 *
 * <p>Only the format's own id makes rows duplicates. Identical rows without a bank id have
 * different content-hash ids (hash plus occurrence) and both stay; such an id is never remembered,
 * as no row of the file can repeat it (a bank's own id of exactly that shape, repeated, would be
 * published twice, which the pipeline's de-duplication by id absorbs). The same id with different
 * content is a new version and stays; so does a return to an earlier version (A, B, A), because
 * dropping it would leave B as the latest.
 *
 * <p>One instance per file, fed its transactions in file order. Per id it holds a print of the
 * latest version's content rather than the transaction, so a large import does not keep every
 * transaction of the file in memory.
 */
final class WithinFileDuplicates {

    private final Map<String, Print> latest = new HashMap<>();
    private final MessageDigest sha256 = sha256();
    private final ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);

    /**
     * The first 128 bits of SHA-256 over every field of a transaction, each written with its length:
     * equal content gives an equal print, and two different contents share one with odds of 2^-128,
     * the odds the content-hash ids themselves stand on.
     */
    private record Print(long high, long low) {
    }

    /** Whether {@code transaction}, the file's next, repeats the latest version of its id; remembers it. */
    boolean repeats(RawTransaction transaction) {
        if (ContentHashIds.isContentHash(transaction.getTransactionId())) {
            return false; // a large CSV file's rows: no print and no entry per row
        }
        Print print = print(transaction);
        return print.equals(latest.put(transaction.getTransactionId(), print));
    }

    /** {@code transactions} in file order without the repeats. */
    static List<RawTransaction> drop(List<RawTransaction> transactions) {
        WithinFileDuplicates seen = new WithinFileDuplicates();
        List<RawTransaction> kept = new ArrayList<>(transactions.size());
        for (RawTransaction transaction : transactions) {
            if (!seen.repeats(transaction)) {
                kept.add(transaction);
            }
        }
        return kept;
    }

    private Print print(RawTransaction transaction) {
        int fields = transaction.getSchema().getFields().size(); // every field, so a new one is never missed
        for (int i = 0; i < fields; i++) {
            Object value = transaction.get(i);
            if (value == null) {
                sha256.update((byte) 0);
                continue;
            }
            byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) 1);
            sha256.update(length.putInt(0, bytes.length).array());
            sha256.update(bytes);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new Print(digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
