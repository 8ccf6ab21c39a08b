package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementText;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file's text, decoded as {@link StatementText} does (banks name no encoding), with the
 * offsets where its lines start.
 *
 * @param text    the text without a byte order mark
 * @param charset the encoding it was read with
 */
record CsvText(String text, Charset charset, int[] lineStarts) {

    static CsvText decode(byte[] bytes) {
        StatementText decoded = StatementText.decode(bytes);
        return new CsvText(decoded.text(), decoded.charset(), lineStarts(decoded.text()));
    }

    /** The bytes in an encoding a profile states (windows-1250 cannot be told from windows-1252). */
    static CsvText decode(byte[] bytes, Charset charset) {
        String text = new String(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new CsvText(text, charset, lineStarts(text));
    }

    /** The 1-based line of a character offset. */
    int lineOf(long offset) {
        int index = Arrays.binarySearch(lineStarts, (int) offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
