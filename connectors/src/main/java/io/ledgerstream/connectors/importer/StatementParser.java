package io.ledgerstream.connectors.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one statement file into canonical transactions. One implementation per format (JSON Lines
 * now; CSV, OFX, CAMT.053, MT940 and QIF behind the same seam later).
 *
 * <p>A bad row never stops the file: it becomes an {@link ImportProblem} and the rest goes on. A file
 * that is no statement of the format is refused, saying why; nothing else is thrown for what a file
 * holds (the fuzz tests, docs/fuzzing.md, hold every parser to this).
 */
public interface StatementParser {

    /**
     * @throws IOException               if the file cannot be read (missing, unreadable)
     * @throws StatementRefusedException if the file is no statement this parser can import
     */
    ParseResult parse(Path file, ImportOptions options) throws IOException;
}
