package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;

/** Told of each transaction as the parser makes it, in file order: the importer publishes from here. */
public interface ParseListener {

    /** Listens to nothing. */
    ParseListener NONE = (transaction, rowsRead) -> { };

    /**
     * @param rowsRead rows the parser has looked at so far, this transaction's included
     */
    void transaction(RawTransaction transaction, int rowsRead);

    /** The parser knows how many rows the file has (CSV does once its layout is detected), for progress. */
    default void rowsExpected(int rows) {
    }
}
