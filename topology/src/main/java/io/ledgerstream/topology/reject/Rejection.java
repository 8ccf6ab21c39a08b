package io.ledgerstream.topology.reject;

import java.util.Objects;

/**
 * What is wrong with a record.
 *
 * @param reason the machine-readable reason
 * @param field  the field at fault, or null when the record as a whole is
 * @param detail for a person: names the field and the bad value
 */
public record Rejection(RejectionReason reason, String field, String detail) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
