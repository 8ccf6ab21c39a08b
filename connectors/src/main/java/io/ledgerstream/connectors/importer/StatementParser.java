package io.ledgerstream.connectors.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one statement file into canonical transactions. One implementation per format (JSON Lines
 * now; CSV, OFX, CAMT.053, MT940 and QIF behind the same seam later).
 *
 * <p>A bad row never stops the file: it becomes an {@link ImportProblem} and the rest goes on. Only
 * a file that cannot be read at all throws.
 */
public interface StatementParser {

    /**
     * @throws IOException if the file cannot be read (missing, unreadable, not text)
     */
    ParseResult parse(Path file, ImportOptions options) throws IOException;
}
