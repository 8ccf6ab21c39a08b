package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementText;
import java.nio.charset.Charset;

/**
 * A CSV file's text, decoded as {@link StatementText} does (banks name no encoding).
 *
 * @param text    the text without a byte order mark
 * @param charset the encoding it was read with
 */
record CsvText(String text, Charset charset) {

    static CsvText decode(byte[] bytes) {
        StatementText decoded = StatementText.decode(bytes);
        return new CsvText(decoded.text(), decoded.charset());
    }

    /** The bytes in an encoding a profile states (windows-1250 cannot be told from windows-1252). */
    static CsvText decode(byte[] bytes, Charset charset) {
        String text = new String(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new CsvText(text, charset);
    }
}
