package io.ledgerstream.connectors.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line  the 1-based line it starts on
 * @param cells its fields, stripped of surrounding spaces
 */
record CsvRow(int line, List<String> cells) {

    CsvRow {
        cells = cells.stream().map(String::strip).toList();
    }

    /** The cell, or "" when the row is shorter. */
    String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isEmpty);
    }

    /** The index of the last non-empty cell plus one. */
    int width() {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isEmpty()) {
                return i + 1;
            }
        }
        return 0;
    }
}
