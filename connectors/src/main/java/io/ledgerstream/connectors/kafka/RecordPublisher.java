package io.ledgerstream.connectors.kafka;

/**
 * Publishes keyed records to one topic and tells how many the broker acknowledged.
 *
 * <p>{@link #publish} may return before the broker answers, but no failure is dropped: a failed send
 * surfaces as a {@link PublishException} from a later {@code publish} or from {@link #flush}.
 * Shared by the importer, the mock bank feed and the FX loader.
 */
public interface RecordPublisher<K, V> extends AutoCloseable {

    /**
     * Sends one record.
     *
     * @throws PublishException if the record cannot be sent or an earlier send has failed
     */
    void publish(K key, V value);

    /**
     * Waits until every record published so far is acknowledged or has failed.
     *
     * @return the number of records acknowledged since this publisher was opened
     * @throws PublishException if any send failed
     */
    long flush();

    /** Flushes what is still in flight and releases the connection. */
    @Override
    void close();
}
