package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.StatementText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a QIF file into lines. QIF names no encoding: files from current tools are UTF-8, those
 * from Quicken for Windows are ANSI, so text that is not valid UTF-8 is read as windows-1252 (which
 * maps every byte, so nothing is lost or replaced). A leading byte order mark is dropped.
 */
final class QifFileText {

    private QifFileText() {
    }

    /** The file's lines, split at CR, LF or CRLF. */
    static List<String> lines(Path file) throws IOException {
        return StatementText.decode(Files.readAllBytes(file)).text().lines().toList();
    }
}
