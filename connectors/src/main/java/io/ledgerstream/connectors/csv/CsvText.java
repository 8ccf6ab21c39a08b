package io.ledgerstream.connectors.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file's text. Banks name no encoding: UTF-8 (with or without a byte order mark) is taken
 * when the bytes are valid UTF-8, else windows-1252, which maps every byte (a superset of the
 * printable ISO-8859-1), so decoding never fails and nothing is replaced.
 *
 * @param text    the text without a byte order mark
 * @param charset the encoding it was read with
 */
record CsvText(String text, Charset charset, int[] lineStarts) {

    static final Charset ANSI = Charset.forName("windows-1252");

    static CsvText decode(byte[] bytes) {
        String text;
        Charset charset;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            charset = StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, ANSI);
            charset = ANSI;
        }
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
