package io.ledgerstream.connectors.csv;

import java.util.List;

/**
 * One record of a CSV file: the line it starts on and its fields, stripped of surrounding spaces.
 * A row read from a file is a view of {@link CsvRows}, whose cells are cut from the file's text
 * when read; a row put together from others (see {@link ContinuationRows}), or {@link #materialized} to
 * be read cell by cell, holds its cells.
 */
final class CsvRow {

    private final CsvRows rows;
    private final int index;
    private final int line;
    private final List<String> cells;

    /** A row of the given cells, which are stripped already. */
    CsvRow(int line, List<String> cells) {
        this.rows = null;
        this.index = -1;
        this.line = line;
        this.cells = List.copyOf(cells);
    }

    CsvRow(CsvRows rows, int index) {
        this.rows = rows;
        this.index = index;
        this.line = rows.line(index);
        this.cells = null;
    }

    /** The 1-based line it starts on. */
    int line() {
        return line;
    }

    /** How many fields it has, empty ones included. */
    int size() {
        return rows != null ? rows.cellCount(index) : cells.size();
    }

    /** The cell, or "" when the row is shorter. */
    String cell(int column) {
        if (rows != null) {
            return rows.cell(index, column);
        }
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    /** The row with its cells cut from the text once, for reading each of them more than once. */
    CsvRow materialized() {
        return rows == null ? this : new CsvRow(line, cells());
    }

    /** Whether the cell is empty (or the row shorter). */
    boolean empty(int column) {
        return rows != null ? rows.empty(index, column) : cell(column).isEmpty();
    }

    /** Its fields, each cut from the text anew on a row read from a file. */
    List<String> cells() {
        if (rows == null) {
            return cells;
        }
        String[] all = new String[size()];
        for (int column = 0; column < all.length; column++) {
            all[column] = cell(column);
        }
        return List.of(all);
    }

    /** The index of the last non-empty cell plus one. */
    int width() {
        for (int column = size() - 1; column >= 0; column--) {
            if (!empty(column)) {
                return column + 1;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + cells();
    }
}
