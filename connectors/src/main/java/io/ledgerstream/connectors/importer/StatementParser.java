package io.ledgerstream.connectors.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one statement file into canonical transactions. One implementation per format (JSON Lines,
 * CSV, OFX, CAMT.053, MT940, QIF).
 *
 * <p>A bad row never stops the file: it becomes an {@link ImportProblem} and the rest goes on. A file
 * that is no statement of the format is refused, saying why; nothing else is thrown for what a file
 * holds (the fuzz tests, docs/fuzzing.md, hold every parser to this).
 */
public interface StatementParser {

    /**
     * Parses {@code file} into {@code result}, in file order: each transaction as soon as it is
     * made, so a {@link ParseListener} on the builder can publish while the parse goes on.
     *
     * @throws IOException               if the file cannot be read (missing, unreadable)
     * @throws StatementRefusedException if the file is no statement this parser can import; what
     *                                   the builder was told before is then void
     */
    void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException;

    /** The whole parse of {@code file}, as {@link #parse(Path, ImportOptions, ParseResult.Builder)}. */
    default ParseResult parse(Path file, ImportOptions options) throws IOException {
        ParseResult.Builder result = ParseResult.builder();
        parse(file, options, result);
        return result.build();
    }
}
