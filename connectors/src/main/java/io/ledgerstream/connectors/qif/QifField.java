package io.ledgerstream.connectors.qif;

/**
 * One line of a QIF record: its one-letter field code and the text after it.
 *
 * @param code  the field code ({@code D}, {@code T}, {@code P}, {@code S}, {@code $}, ...)
 * @param value the rest of the line, stripped
 * @param line  the 1-based line number in the file
 */
record QifField(char code, String value, int line) {
}
