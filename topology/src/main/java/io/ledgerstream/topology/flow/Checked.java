package io.ledgerstream.topology.flow;

import io.ledgerstream.schemas.avro.RejectedRecord;

/**
 * A step's outcome inside the topology: a value to pass on, or a dead letter. Branching on
 * {@link #isRejected()} makes the dead letters a visible branch of the topology.
 *
 * @param value     the value, null when rejected
 * @param rejection the dead letter, null when accepted
 */
public record Checked<T>(T value, RejectedRecord rejection) {

    /** An accepted value. */
    public static <T> Checked<T> accepted(T value) {
        return new Checked<>(value, null);
    }

    /** A dead letter. */
    public static <T> Checked<T> rejected(RejectedRecord rejection) {
        return new Checked<>(null, rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
