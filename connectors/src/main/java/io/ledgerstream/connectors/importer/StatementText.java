package io.ledgerstream.connectors.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A statement file's text, for formats that name no encoding (or name it unreliably). Banks'
 * exports are UTF-8 (with or without a byte order mark) or ANSI: the bytes are read as UTF-8 when
 * they are valid UTF-8, else as windows-1252, which maps every byte (a superset of the printable
 * ISO-8859-1), so decoding never fails and nothing is replaced. A leading byte order mark is dropped.
 *
 * @param text    the text without a byte order mark
 * @param charset the encoding it was read with
 */
public record StatementText(String text, Charset charset) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static StatementText decode(byte[] bytes) {
        // most exports are ASCII: valid UTF-8 as they are, read without a decoder and its copies
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : strictUtf8(bytes);
        Charset charset = StandardCharsets.UTF_8;
        if (text == null) {
            text = new String(bytes, WINDOWS_1252);
            charset = WINDOWS_1252;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new StatementText(text, charset);
    }

    /** The bytes read as UTF-8, or {@code null} when they are not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
