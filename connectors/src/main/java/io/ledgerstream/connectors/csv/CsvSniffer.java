package io.ledgerstream.connectors.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells CSV from other text for {@code --format auto}: rows of two or more fields at one of
 * , ; TAB |, whose first row is a header naming a date and an amount or holds a date itself. Text
 * that starts like JSON, XML/OFX, QIF ({@code !Type}) or holds MT940 tags ({@code :20:}) is not CSV,
 * whatever its commas.
 */
final class CsvSniffer {

    private static final Pattern MT940_TAG = Pattern.compile("(?m)^:(20|25|28C|60F|61):");
    private static final int ROWS = 10;

    private CsvSniffer() {
    }

    static boolean recognizes(String head) {
        String text = head.replace("\uFEFF", "").stripLeading();
        if (text.isEmpty() || "{[<!".indexOf(text.charAt(0)) >= 0 || text.startsWith("OFXHEADER")
                || MT940_TAG.matcher(text).find() || text.contains("{4:")) {
            return false;
        }
        int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        String complete = lastBreak > 0 && head.length() >= 4000 ? text.substring(0, lastBreak) : text;
        CsvText csv = CsvText.decode(complete.getBytes(StandardCharsets.UTF_8));
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            List<CsvRow> rows;
            try {
                rows = CsvTokenizer.rows(csv, delimiter, ROWS);
            } catch (RuntimeException broken) {
                continue;
            }
            if (rows.isEmpty() || rows.getFirst().cells().size() < 2) {
                continue;
            }
            CsvRow first = rows.getFirst();
            long named = first.cells().stream().filter(c -> HeaderNames.roleOf(c).isPresent()).count();
            boolean dated = first.cells().stream().anyMatch(c -> DateText.read(c).isPresent());
            // widths may differ (a header's trailing delimiter, ragged rows): the next row need only be delimited too
            boolean nextDelimited = rows.size() == 1 || rows.get(1).cells().size() >= 2;
            if ((named >= 2 || dated) && nextDelimited) {
                return true;
            }
        }
        return false;
    }
}
