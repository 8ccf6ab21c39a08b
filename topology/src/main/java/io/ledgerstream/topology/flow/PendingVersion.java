package io.ledgerstream.topology.flow;

import io.ledgerstream.schemas.avro.EnrichedTransaction;

/**
 * A new version of a transaction, not yet enriched or stored.
 *
 * @param incoming    the validated record
 * @param contentHash the hash of its content, stored with the version
 * @param previous    the live version it replaces or removes, null for a first version
 */
public record PendingVersion(IncomingTransaction incoming, String contentHash, EnrichedTransaction previous) {
}
