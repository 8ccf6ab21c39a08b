package io.ledgerstream.connectors.importer;

/** Told as transactions are handed to the publisher; the importer's progress indicator. */
@FunctionalInterface
public interface PublishProgress {

    /** Reports nothing. */
    PublishProgress NONE = (published, rowsRead, rowsTotal) -> { };

    /** {@code rowsTotal} when the parser cannot tell how many rows the file has. */
    long UNKNOWN = -1;

    /**
     * @param published transactions handed to the publisher so far
     * @param rowsRead  rows of the file the parser has read so far
     * @param rowsTotal rows the file has, or {@link #UNKNOWN}
     */
    void published(long published, long rowsRead, long rowsTotal);

    /** Publishing ended, successfully or not. */
    default void done() {
    }
}
