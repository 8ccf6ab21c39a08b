package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.StatementText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The physical lines of an MT940 file, cleaned of what is not SWIFT text: a byte order mark, the
 * SOH/ETX control bytes some banks wrap the message in, and CR of CRLF line breaks. Files are UTF-8
 * where they decode as such (the Swedish and Polish samples are), else ISO-8859-1.
 */
final class Mt940Text {

    /** A tag torn over two lines, as in one Sparkasse export: a lone ':' and then '86:...'. */
    private static final Pattern TAG_REST = Pattern.compile("\\d{2}[A-Z]?:.*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private Mt940Text() {
    }

    /** UTF-8 when valid, else windows-1252 (SWIFT's character set is a subset of both). */
    static String decode(byte[] bytes) {
        return StatementText.decode(bytes).text();
    }

    /** Lines as {@link Line}s with their 1-based numbers; a torn ':' + 'NN:' pair is mended. */
    static List<Line> lines(String text) {
        String clean = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        clean = CONTROL.matcher(clean).replaceAll("");
        String[] raw = clean.split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].strip().equals(":") && i + 1 < raw.length && TAG_REST.matcher(raw[i + 1]).matches()) {
                lines.add(new Line(i + 1, ":" + raw[i + 1]));
                i++;
                continue;
            }
            lines.add(new Line(i + 1, raw[i]));
        }
        return lines;
    }

    /** One physical line and where it stands in the file. */
    record Line(int number, String text) {
    }
}
