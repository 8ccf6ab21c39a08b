package io.ledgerstream.topology.categorize;

import java.util.Optional;

/**
 * Decides a transaction's category from its features, or abstains. The seam where rules, user
 * corrections and (later) a trained model plug in; {@link CategorizerChain} asks several in turn.
 * Implementations are called on the stream thread for every record: no I/O, no blocking.
 */
@FunctionalInterface
public interface Categorizer {

    /** The decision, or empty when this categorizer has nothing to say about the transaction. */
    Optional<CategoryDecision> categorize(TransactionFeatures features);
}
