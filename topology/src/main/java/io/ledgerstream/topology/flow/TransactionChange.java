package io.ledgerstream.topology.flow;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One change to a user's transactions: {@code current} replaces {@code previous}.
 *
 * @param contentHash the hash of the raw content that produced {@code current}
 * @param previous    the live version replaced or removed, null for a first version
 * @param current     the new version; for a removal, the previous version with removed=true
 */
public record TransactionChange(String contentHash, EnrichedTransaction previous, EnrichedTransaction current) {

    /** The same change with {@code current} replaced (a later step refined it). */
    public TransactionChange withCurrent(EnrichedTransaction refined) {
        return new TransactionChange(contentHash, previous, refined);
    }

    /** Whether this is a transaction's first live version (no live version before it). */
    public boolean isFirstLiveVersion() {
        return previous == null && !current.getRemoved();
    }

    /**
     * What a detector of payments judges: the amount paid in the base currency, positive, when this
     * is the first live version of money going out; empty for income, later versions and removals.
     */
    public Optional<BigDecimal> newPayment() {
        if (!isFirstLiveVersion()) {
            return Optional.empty();
        }
        BigDecimal paid = current.getBaseAmount().negate();
        return paid.signum() > 0 ? Optional.of(paid) : Optional.empty();
    }
}
