package io.ledgerstream.connectors.kafka;

/**
 * A {@link RecordPublisher} whose records become visible all together or not at all: to consumers
 * reading {@code read_committed}, nothing published here exists until {@link #commit} returns.
 *
 * <p>Closing it without a successful {@code commit} aborts the transaction, so a
 * try-with-resources block that fails half-way publishes nothing.
 */
public interface TransactionalPublisher<K, V> extends RecordPublisher<K, V> {

    /**
     * Waits for every record published so far, then commits them as one transaction.
     *
     * @return the number of records committed
     * @throws PublishException if a send failed or the commit did not succeed; the caller then
     *                          closes this publisher, which aborts
     */
    long commit();

    /** Aborts the transaction unless it was committed, then releases the connection. */
    @Override
    void close();
}
