package io.ledgerstream.connectors.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A column as a profile or {@code --csv} names it: a 1-based number, or a header name (compared
 * without case, accents or repeated spaces).
 *
 * @param number the 1-based column, or 0 when named
 * @param name   the header name, or {@code null} when numbered
 * @param origin who named it, for messages: {@code profile 'n26'}, {@code --csv}
 */
record ColumnRef(int number, String name, String origin) {

    static ColumnRef parse(String text, String origin) {
        String value = text.strip();
        if (value.matches("\\d+")) {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new CsvMappingException(origin + ": column numbers start at 1, not '" + value + "'");
            }
            return new ColumnRef(number, null, origin);
        }
        return new ColumnRef(0, value, origin);
    }

    boolean named() {
        return name != null;
    }

    /** The 0-based index of this column in a header row, or -1 when the header has no such name. */
    int indexIn(List<String> header) {
        if (!named()) {
            return number - 1;
        }
        String wanted = plain(name);
        for (int i = 0; i < header.size(); i++) {
            if (plain(header.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return named() ? "'" + name + "'" : String.valueOf(number);
    }

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
