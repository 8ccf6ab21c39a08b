package io.ledgerstream.topology.version;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a raw transaction's content: userId, transactionId, accountId, bookedAt, amount (as a
 * number, so "-12.30" and "-12.3" are the same), currency, description, merchant, mcc and removed.
 * Not {@code source}: the same transaction arriving from another feed is the same content. Each field
 * is written with its length, and null differently from empty, so no two contents share an encoding.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** The hash as 64 lower-case hex digits; {@code raw} must have passed validation (amount parses). */
    public static String of(RawTransaction raw) {
        MessageDigest digest = sha256();
        for (String field : new String[] {raw.getUserId(), raw.getTransactionId(), raw.getAccountId(),
                raw.getBookedAt(), new BigDecimal(raw.getAmount()).stripTrailingZeros().toPlainString(),
                raw.getCurrency(), raw.getDescription(), raw.getMerchant(), raw.getMcc(),
                Boolean.toString(raw.getRemoved())}) {
            if (field == null) {
                digest.update((byte) 0);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 1);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest; every JVM must provide it. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
