package io.ledgerstream.connectors.mt940;

import java.util.List;

/**
 * One tagged field of an MT940 message, such as {@code :61:} or {@code :86:}, with its physical
 * lines as written (the first without its tag).
 *
 * @param tag   the tag without colons: "20", "25", "60F", "61", "86"
 * @param lines the field's lines, raw, the first one after the tag
 * @param line  the 1-based line the field starts on
 */
record Mt940Field(String tag, List<String> lines, int line) {

    Mt940Field {
        lines = List.copyOf(lines);
    }

    /** The first line, stripped. */
    String firstLine() {
        return lines.get(0).strip();
    }

    /** All lines stripped and joined by single spaces. */
    String spaced() {
        return String.join(" ", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
