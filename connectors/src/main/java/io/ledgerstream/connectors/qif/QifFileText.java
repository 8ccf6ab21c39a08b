package io.ledgerstream.connectors.qif;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a QIF file into lines. QIF names no encoding: files from current tools are UTF-8, those
 * from Quicken for Windows are ANSI, so text that is not valid UTF-8 is read as windows-1252 (which
 * maps every byte, so nothing is lost or replaced). A leading byte order mark is dropped.
 */
final class QifFileText {

    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private QifFileText() {
    }

    /** The file's lines, split at CR, LF or CRLF. */
    static List<String> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, ANSI);
        }
    }
}
