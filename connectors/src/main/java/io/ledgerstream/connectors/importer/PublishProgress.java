package io.ledgerstream.connectors.importer;

/** Told after each transaction is handed to the publisher; the importer's progress indicator. */
@FunctionalInterface
public interface PublishProgress {

    /** Reports nothing. */
    PublishProgress NONE = (published, total) -> { };

    /**
     * @param published transactions handed to the publisher so far
     * @param total     transactions to publish from this file
     */
    void published(long published, long total);

    /** Publishing ended, successfully or not. */
    default void done() {
    }
}
