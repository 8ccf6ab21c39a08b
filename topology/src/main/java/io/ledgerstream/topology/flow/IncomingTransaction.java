package io.ledgerstream.topology.flow;

import io.ledgerstream.schemas.avro.RawTransaction;

/**
 * A raw transaction that passed validation, with its value bytes as read, so a later step that
 * rejects it (no FX rate) can still dead-letter the original.
 */
public record IncomingTransaction(RawTransaction raw, byte[] originalValue) {
}
