package io.ledgerstream.connectors.mt940;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an MT940 file into tagged fields. Tolerant by design, because real files are not clean
 * SWIFT: the envelope ({@code {1:..}{2:..}{4:}) may be there or not (or rendered in a national
 * ISO 646 variant as 'ä4:' and '-å'), banks put header lines such as 'ABNANL2A' or '940 00' before
 * each message, and a continuation line of {@code :86:} may itself start with a colon (':08 Karten')
 * without being a tag. So a line starts a field only when it starts with ':NN:' or ':NNa:' (two
 * digits and an optional letter); any other line continues the open field, or is envelope noise
 * when none is open. A message ends at its '-' trailer line ('-', '-}', '-}{5:}', '-XXX', '-å').
 */
final class Mt940Lexer {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern TRAILER = Pattern.compile("^-(\\}.*|XXX|[^\\p{Alnum}\\s]*)\\s*$");

    private Mt940Lexer() {
    }

    static List<Mt940Field> fields(List<Mt940Text.Line> lines) {
        List<Mt940Field> fields = new ArrayList<>();
        String tag = null;
        int start = 0;
        List<String> open = new ArrayList<>();
        for (Mt940Text.Line line : lines) {
            Matcher matcher = TAG.matcher(line.text());
            boolean trailer = TRAILER.matcher(line.text()).matches();
            if (matcher.matches() || trailer) {
                if (tag != null) {
                    fields.add(new Mt940Field(tag, open, start));
                }
                tag = trailer ? null : matcher.group(1);
                start = line.number();
                open = new ArrayList<>();
                if (!trailer) {
                    open.add(matcher.group(2));
                }
            } else if (tag != null) {
                open.add(line.text());
            }
        }
        if (tag != null) {
            fields.add(new Mt940Field(tag, open, start));
        }
        return fields;
    }
}
