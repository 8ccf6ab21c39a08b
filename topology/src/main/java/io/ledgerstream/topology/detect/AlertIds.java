package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.topology.version.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Deterministic alert ids: the first 16 hex digits of SHA-256 over {@code type|userId|part…} (the
 * transaction ids an alert is about, or its month, category and threshold),
 * so replaying the same input yields the same id, which the alerts store then refuses a second time.
 */
public final class AlertIds {

    private static final int ID_BYTES = 8;

    private AlertIds() {
    }

    /** The id of an alert of {@code type} about {@code parts}, in the order given. */
    public static String of(AlertType type, String userId, String... parts) {
        StringBuilder content = new StringBuilder(type.name()).append('|').append(userId);
        for (String part : parts) {
            content.append('|').append(part);
        }
        byte[] hash = ContentHash.sha256().digest(content.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, ID_BYTES);
    }
}
