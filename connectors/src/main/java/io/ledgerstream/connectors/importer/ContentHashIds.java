package io.ledgerstream.connectors.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids for rows that carry no bank id: a hash of the row's content plus its occurrence index among
 * identical rows of the same file, prefixed {@code h-}. Re-importing the file yields the same ids,
 * so nothing is duplicated, while two identical coffees on one day stay two transactions.
 * One instance per file, fed the rows in file order.
 */
public final class ContentHashIds {

    public static final String PREFIX = "h-";

    private static final char FIELD_SEPARATOR = '\u001f';
    private static final int HEX_CHARS = 32;

    /** Rows seen so far per content, keyed by the content's first id (occurrence 0), not the content itself. */
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final MessageDigest sha256 = sha256();

    /**
     * The id of the next row with this content.
     *
     * @param content the row's canonical fields in a fixed order; {@code null} stands for absent
     */
    public String next(List<String> content) {
        StringBuilder key = new StringBuilder();
        for (String field : content) {
            // absent and empty differ, so a missing merchant never collides with an empty one
            key.append(field == null ? "\u0000" : field).append(FIELD_SEPARATOR);
        }
        byte[] canonical = key.toString().getBytes(StandardCharsets.UTF_8);
        // The first id stands for the content in the count: it is as unique as the ids themselves, and
        // a whole file's contents as keys would be held (and hashed) as long strings on a large import.
        String first = id(canonical, 0);
        int occurrence = occurrences.merge(first, 1, Integer::sum) - 1;
        return occurrence == 0 ? first : id(canonical, occurrence);
    }

    /** {@code h-} and the first 32 hex digits of SHA-256 over the content followed by the occurrence in decimal. */
    private String id(byte[] canonical, int occurrence) {
        sha256.update(canonical);
        byte[] digest = sha256.digest(Integer.toString(occurrence).getBytes(StandardCharsets.US_ASCII));
        return PREFIX + HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
