package io.ledgerstream.connectors.csv;

/**
 * Splits CSV text into rows: fields in double quotes may hold the delimiter, line breaks and
 * doubled quotes; blank lines are left out. Malformed quoting is read leniently, as Apache Commons
 * CSV reads it with trailing data and a lenient end of file (which this package used before, and
 * which {@code CsvTokenizerTest} checks this against): text after a closing quote belongs to the
 * field, a quote inside an unquoted field is a character, and a quote left open runs to the end of
 * the file.
 *
 * <p>Written here rather than taken from a library because of what a large statement costs: a CSV
 * library hands over every cell as a string, and a 1,000,000-row file held as four strings a row
 * took about 300 MB and most of an import's garbage collection. Here a file's rows are offsets into
 * its text, about 40 bytes a row, and a cell becomes a string only when it is read.
 */
final class CsvTokenizer {

    private static final char QUOTE = '"';

    private final String text;
    private final char delimiter;
    private final int length;
    private int position;
    private int line = 1;

    private CsvTokenizer(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
        this.length = text.length();
    }

    /** The non-blank rows of the text, at most {@code limit}. */
    static CsvRows rows(CsvText text, char delimiter, int limit) {
        return new CsvTokenizer(text.text(), delimiter).read(limit);
    }

    private CsvRows read(int limit) {
        CsvRows rows = new CsvRows(text);
        while (rows.size() < limit && skipBlankLines()) {
            rows.startRow(line);
            boolean more = true;
            while (more) {
                more = position < length && text.charAt(position) == QUOTE ? quoted(rows) : plain(rows);
            }
            rows.endRow();
        }
        return rows;
    }

    /** Moves past line breaks at the start of a row; false at the end of the text. */
    private boolean skipBlankLines() {
        while (position < length && lineBreak()) {
            // lineBreak() moved past it
        }
        return position < length;
    }

    /**
     * Reads an unquoted field up to a delimiter, a line break or the end.
     *
     * @return whether another field of the same row follows
     */
    private boolean plain(CsvRows rows) {
        int start = position;
        while (position < length) {
            char c = text.charAt(position);
            if (c == delimiter) {
                rows.cell(start, position, false);
                position++;
                return true;
            }
            if (c == '\n' || c == '\r') {
                rows.cell(start, position, false);
                lineBreak();
                return false;
            }
            position++;
        }
        rows.cell(start, position, false);
        return false;
    }

    /**
     * Reads a field that opens with a quote: up to the closing quote, then any trailing text up to a
     * delimiter, a line break or the end.
     *
     * @return whether another field of the same row follows
     */
    private boolean quoted(CsvRows rows) {
        int start = position;
        position++;
        int closing = -1;
        boolean doubled = false;
        while (position < length) {
            char c = text.charAt(position);
            if (c == QUOTE) {
                if (position + 1 < length && text.charAt(position + 1) == QUOTE) {
                    doubled = true;
                    position += 2;
                    continue;
                }
                closing = position++;
                break;
            }
            if (c == '\n' || (c == '\r' && (position + 1 >= length || text.charAt(position + 1) != '\n'))) {
                line++;
            }
            position++;
        }
        if (closing < 0) { // open to the end of the text
            rows.cell(start, length, true);
            return false;
        }
        while (position < length) {
            char c = text.charAt(position);
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            position++;
        }
        boolean trailing = position > closing + 1;
        if (doubled || trailing) {
            rows.cell(start, position, true); // unquoted when read
        } else {
            rows.cell(start + 1, closing, false);
        }
        if (position < length && text.charAt(position) == delimiter) {
            position++;
            return true;
        }
        if (position < length) {
            lineBreak();
        }
        return false;
    }

    /** Moves past a line break ({@code \n}, {@code \r} or {@code \r\n}) if one is here. */
    private boolean lineBreak() {
        char c = text.charAt(position);
        if (c == '\n') {
            position++;
        } else if (c == '\r') {
            position += position + 1 < length && text.charAt(position + 1) == '\n' ? 2 : 1;
        } else {
            return false;
        }
        line++;
        return true;
    }

    /**
     * The value of a field that opens with a quote and holds doubled quotes or text after its
     * closing quote: {@code "a ""b"" c"d} is {@code a "b" cd}.
     */
    static String unquoted(String text, int start, int end) {
        StringBuilder value = new StringBuilder(end - start);
        int i = start + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == QUOTE) {
                if (i + 1 < end && text.charAt(i + 1) == QUOTE) {
                    value.append(QUOTE);
                    i += 2;
                    continue;
                }
                return value.append(text, i + 1, end).toString(); // the closing quote, then trailing text
            }
            value.append(c);
            i++;
        }
        return value.toString();
    }
}
