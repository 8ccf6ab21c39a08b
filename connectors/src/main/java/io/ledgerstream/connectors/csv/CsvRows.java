package io.ledgerstream.connectors.csv;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The rows {@link CsvTokenizer} read from a text, held as offsets into it: per row its line and
 * where its cells start, per cell where it starts and ends, spaces around it left out. A cell is
 * cut from the text each time it is read, so a large file costs its text and a few ints a cell,
 * however long its rows are held. A row returned by {@link #get} is a view; it holds no strings.
 */
final class CsvRows extends AbstractList<CsvRow> implements RandomAccess {

    private static final int FIRST_CAPACITY = 64;

    private final String text;
    private int rows;
    private int[] lines = new int[FIRST_CAPACITY];
    /** Index into {@link #bounds} of each row's first cell, and one past the last row's. */
    private int[] rowStarts = new int[FIRST_CAPACITY + 1];
    /** Two ints a cell: start and end in the text; a start stored as {@code ~start} marks a cell to unquote. */
    private int[] bounds = new int[FIRST_CAPACITY * 8];
    private int cells;
    private int rowLine;

    CsvRows(String text) {
        this.text = text;
    }

    @Override
    public CsvRow get(int index) {
        if (index < 0 || index >= rows) {
            throw new IndexOutOfBoundsException("row " + index + " of " + rows);
        }
        return new CsvRow(this, index);
    }

    @Override
    public int size() {
        return rows;
    }

    int line(int row) {
        return lines[row];
    }

    int cellCount(int row) {
        return rowStarts[row + 1] - rowStarts[row];
    }

    /** The cell, or "" when the row is shorter. */
    String cell(int row, int column) {
        if (column < 0 || column >= cellCount(row)) {
            return "";
        }
        int at = (rowStarts[row] + column) * 2;
        return value(bounds[at], bounds[at + 1]);
    }

    /** Whether the cell is empty (or the row shorter), without cutting it from the text. */
    boolean empty(int row, int column) {
        if (column < 0 || column >= cellCount(row)) {
            return true;
        }
        int at = (rowStarts[row] + column) * 2;
        return bounds[at] >= 0 ? bounds[at] == bounds[at + 1] : cell(row, column).isEmpty();
    }

    private String value(int start, int end) {
        return start >= 0 ? text.substring(start, end) : CsvTokenizer.unquoted(text, ~start, end).strip();
    }

    void startRow(int line) {
        rowLine = line;
    }

    /**
     * Adds a cell to the row being read.
     *
     * @param unquote whether the text from start to end is a quoted field to unquote when read; else
     *                it is the value, spaces around it still to leave out
     */
    void cell(int start, int end, boolean unquote) {
        if (cells * 2 + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length + (bounds.length >> 1));
        }
        if (unquote) {
            bounds[cells * 2] = ~start;
        } else {
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            bounds[cells * 2] = start;
        }
        bounds[cells * 2 + 1] = end;
        cells++;
    }

    /** Ends the row being read: kept unless every cell is empty. */
    void endRow() {
        int first = rowStarts[rows];
        boolean blank = true;
        for (int cell = first; cell < cells && blank; cell++) {
            int start = bounds[cell * 2];
            int end = bounds[cell * 2 + 1];
            blank = start >= 0 ? start == end : value(start, end).isEmpty();
        }
        if (blank) {
            cells = first;
            return;
        }
        if (rows + 1 >= lines.length) {
            lines = Arrays.copyOf(lines, lines.length + (lines.length >> 1));
            rowStarts = Arrays.copyOf(rowStarts, lines.length + 1);
        }
        lines[rows] = rowLine;
        rows++;
        rowStarts[rows] = cells;
    }
}
