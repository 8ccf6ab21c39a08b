package io.ledgerstream.connectors.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Ids for rows that carry no bank id: a hash of the row's content plus its occurrence index among
 * identical rows of the same file, prefixed {@code h-}. Re-importing the file yields the same ids,
 * so nothing is duplicated, while two identical coffees on one day stay two transactions.
 * One instance per file, fed the rows in file order.
 */
public final class ContentHashIds {

    public static final String PREFIX = "h-";

    private static final byte FIELD_SEPARATOR = 0x1f;
    private static final byte ABSENT = 0x00;
    private static final int ID_BYTES = 16;
    private static final byte[] FIRST = {'0'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256 = sha256();
    private final Occurrences occurrences = new Occurrences();
    /** The canonical content of the row being hashed, reused from row to row. */
    private byte[] canonical = new byte[256];

    /**
     * The id of the next row with this content.
     *
     * @param content the row's canonical fields in a fixed order; {@code null} stands for absent
     */
    public String next(List<String> content) {
        byte[] first = digest(content, 0);
        // the first id's 128 bits stand for the content in the count: as unique as the ids themselves
        int occurrence = occurrences.increment(longAt(first, 0), longAt(first, 8));
        return id(occurrence == 0 ? first : digest(content, occurrence));
    }

    /**
     * Whether the id has the shape of the ids made here, {@code h-} and 32 lowercase hex digits: unique
     * within their file by construction, so nothing need be remembered to find them repeated.
     */
    public static boolean isContentHash(String id) {
        if (id.length() != PREFIX.length() + ID_BYTES * 2 || !id.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * SHA-256 over each field in UTF-8 followed by U+001F (absent: U+0000), then the occurrence in
     * decimal; the fields are written as bytes into one reused buffer rather than joined as a string.
     */
    private byte[] digest(List<String> content, int occurrence) {
        int length = 0;
        for (String field : content) {
            // absent and empty differ, so a missing merchant never collides with an empty one
            length = field == null ? put(length, ABSENT) : putUtf8(length, field);
            length = put(length, FIELD_SEPARATOR);
        }
        sha256.update(canonical, 0, length);
        return sha256.digest(occurrence == 0 ? FIRST : Integer.toString(occurrence).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the field's UTF-8 into {@link #canonical} at {@code at}; ASCII byte by byte, without a copy per field. */
    private int putUtf8(int at, String field) {
        int length = at;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = field.substring(i).getBytes(StandardCharsets.UTF_8);
                for (byte b : utf8) {
                    length = put(length, b);
                }
                return length;
            }
            length = put(length, (byte) c);
        }
        return length;
    }

    private int put(int at, byte b) {
        if (at == canonical.length) {
            canonical = Arrays.copyOf(canonical, canonical.length * 2);
        }
        canonical[at] = b;
        return at + 1;
    }

    /** {@code h-} and the first 32 hex digits of the digest. */
    private static String id(byte[] digest) {
        byte[] id = new byte[PREFIX.length() + ID_BYTES * 2];
        id[0] = 'h';
        id[1] = '-';
        for (int i = 0; i < ID_BYTES; i++) {
            id[2 + i * 2] = HEX[(digest[i] >> 4) & 0xf];
            id[3 + i * 2] = HEX[digest[i] & 0xf];
        }
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * How often each 128-bit key was counted: open addressing over primitive arrays. Our own rather
     * than a {@code HashMap<String, Integer>} because of a large file: a million boxed entries made
     * the map most of the cost of mapping the rows (allocation, the collector's write barriers, cache
     * misses), and the JDK has no map of primitives; one small table is less than a collections library.
     * A new key touches only {@code keys}; the repeats of a key, rare, are counted apart.
     */
    static final class Occurrences {

        private long[] keys = new long[2 * 1024];
        /** Per slot, how often its key was counted beyond the first time. */
        private int[] repeats = new int[1024];
        private int size;
        /** The all-zero key, which marks an empty slot, counted apart: -1 until counted. */
        private int zeroKeyRepeats = -1;

        /** Counts the key once more and returns how often it was counted before. */
        int increment(long high, long low) {
            if (high == 0 && low == 0) {
                return ++zeroKeyRepeats;
            }
            if (2 * (size + 1) > repeats.length) {
                grow();
            }
            int mask = repeats.length - 1;
            for (int slot = slot(high, low, mask); ; slot = (slot + 1) & mask) {
                long slotHigh = keys[2 * slot];
                long slotLow = keys[2 * slot + 1];
                if (slotHigh == 0 && slotLow == 0) {
                    keys[2 * slot] = high;
                    keys[2 * slot + 1] = low;
                    size++;
                    return 0;
                }
                if (slotHigh == high && slotLow == low) {
                    return ++repeats[slot];
                }
            }
        }

        private static int slot(long high, long low, int mask) {
            long mixed = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L; // the keys are SHA-256 bits already
            return (int) (mixed >>> 32) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRepeats = repeats;
            keys = new long[oldKeys.length * 2];
            repeats = new int[oldRepeats.length * 2];
            int mask = repeats.length - 1;
            for (int old = 0; old < oldRepeats.length; old++) {
                long high = oldKeys[2 * old];
                long low = oldKeys[2 * old + 1];
                if (high == 0 && low == 0) {
                    continue;
                }
                int slot = slot(high, low, mask);
                while (keys[2 * slot] != 0 || keys[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[2 * slot] = high;
                keys[2 * slot + 1] = low;
                repeats[slot] = oldRepeats[old];
            }
        }
    }
}
