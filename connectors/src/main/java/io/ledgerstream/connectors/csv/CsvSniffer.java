package io.ledgerstream.connectors.csv;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells CSV from other text for {@code --format auto}: rows of two or more fields at one of
 * , ; TAB |, whose first row is a header (or a later row, after account lines, names a date and an
 * amount column), or whose first or second row holds a date (the first may be an account line).
 * Text that starts like JSON, XML/OFX, QIF ({@code !Type}) or holds MT940 tags ({@code :20:}) is
 * not CSV, whatever its commas.
 */
final class CsvSniffer {

    private static final Pattern MT940_TAG = Pattern.compile("(?m)^:(20|25|28C|60F|61):");
    private static final int ROWS = 10;
    private static final int DATED_ROWS = 2;

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
            if (preambleThenHeader(rows)) {
                return true;
            }
            if (rows.isEmpty() || rows.getFirst().size() < 2) {
                continue;
            }
            CsvRow first = rows.getFirst();
            long named = first.cells().stream().filter(c -> HeaderNames.roleOf(c).isPresent()).count();
            // an account line may come before the first dated row ('K|32000|244081|EUR')
            boolean dated = rows.stream().limit(DATED_ROWS).filter(row -> row.size() >= 2)
                    .anyMatch(row -> row.cells().stream().anyMatch(c -> DateText.read(c).isPresent()));
            // widths may differ (a header's trailing delimiter, ragged rows): the next row need only be delimited too
            boolean nextDelimited = rows.size() == 1 || rows.get(1).size() >= 2;
            if ((named >= 2 || dated) && nextDelimited) {
                return true;
            }
        }
        return false;
    }

    /** Whether a later row is a header naming a date and an amount column, above a delimited row (OCBC). */
    private static boolean preambleThenHeader(List<CsvRow> rows) {
        for (int i = 1; i < rows.size() - 1; i++) {
            Set<ColumnRole> named = EnumSet.noneOf(ColumnRole.class);
            rows.get(i).cells().forEach(c -> HeaderNames.roleOf(c).ifPresent(named::add));
            boolean date = named.contains(ColumnRole.BOOKING_DATE) || named.contains(ColumnRole.VALUE_DATE);
            boolean money = named.contains(ColumnRole.AMOUNT) || named.contains(ColumnRole.DEBIT)
                    || named.contains(ColumnRole.CREDIT);
            if (date && money && rows.get(i + 1).size() >= 2) {
                return true;
            }
        }
        return false;
    }
}
