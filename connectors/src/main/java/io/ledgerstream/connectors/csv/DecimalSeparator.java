package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;

/**
 * Decides a file's decimal separator from all its amount cells: the last of two different
 * separators is the decimal one ({@code 1.234,56}); a lone separator followed by one or two digits
 * is one ({@code -48,00}); repeated separators group thousands. {@code 1,750} alone proves nothing,
 * and a file with nothing else is refused rather than read a thousand times too small or large.
 */
final class DecimalSeparator {

    private static final String HOW_TO_TELL = "pass --csv decimal-separator=. or --csv decimal-separator=,";

    private DecimalSeparator() {
    }

    /** What a file's amount cells say, cell by cell, so that a large file's cells need not be held. */
    static final class Votes {

        private String comma;
        private String point;
        private String undecided;

        /** Counts a non-empty amount cell; the last cell of each kind is kept to quote. */
        void add(String cell) {
            String body = MoneyText.read(cell).map(MoneyText::body).orElse("");
            int lastComma = body.lastIndexOf(',');
            int lastPoint = body.lastIndexOf('.');
            if (lastComma >= 0 && lastPoint >= 0) {
                if (lastComma > lastPoint) {
                    comma = cell;
                } else {
                    point = cell;
                }
            } else if (lastComma >= 0 || lastPoint >= 0) {
                char separator = lastComma >= 0 ? ',' : '.';
                int last = Math.max(lastComma, lastPoint);
                boolean repeated = body.indexOf(separator) != last;
                int decimals = body.length() - last - 1;
                if (repeated) {
                    if (separator == ',') {
                        point = cell;
                    } else {
                        comma = cell;
                    }
                } else if (decimals == 3 && last > 0) {
                    undecided = cell;
                } else if (separator == ',') {
                    comma = cell;
                } else {
                    point = cell;
                }
            }
        }

        /**
         * The separator, {@code .} when no cell has decimals.
         *
         * @param columns the amount columns, for messages
         * @throws StatementRefusedException if the cells mix separators or none tells
         */
        char separator(String columns) {
            if (comma != null && point != null) {
                throw new StatementRefusedException("the amounts in " + columns + " mix decimal separators: '"
                        + comma + "' has a decimal comma but '" + point + "' a decimal point; " + HOW_TO_TELL
                        + " (the rows that do not fit it are then reported)");
            }
            if (comma != null) {
                return ',';
            }
            if (point == null && undecided != null) {
                throw new StatementRefusedException("the decimal separator of " + columns + " is ambiguous: '"
                        + undecided + "' may be a thousands group or three decimals, and no other amount tells; "
                        + HOW_TO_TELL);
            }
            return '.';
        }
    }
}
