package io.ledgerstream.connectors.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two-row records (OCBC): a row with no date and no amount, whose only text is in description or
 * payee columns, continues the description of the dated row above it. Its cells are joined to that
 * row's before mapping; nothing else about the rows changes.
 */
final class ContinuationRows {

    /**
     * @param rows          the data rows with continuations joined to the row above
     * @param continuations how many rows were joined
     */
    record Joined(List<CsvRow> rows, int continuations) {
    }

    private ContinuationRows() {
    }

    static Joined join(List<CsvRow> data, CsvLayout layout) {
        Set<Integer> text = Stream.concat(layout.all(ColumnRole.DESCRIPTION).stream(),
                layout.all(ColumnRole.PAYEE).stream()).collect(Collectors.toSet());
        List<CsvRow> rows = new ArrayList<>();
        int joined = 0;
        for (CsvRow row : data) {
            CsvRow above = rows.isEmpty() ? null : rows.getLast();
            if (above != null && continues(row, text) && layout.date(above.cell(layout.dateColumn())).isPresent()) {
                rows.set(rows.size() - 1, joinedTo(above, row));
                joined++;
            } else {
                rows.add(row);
            }
        }
        return new Joined(rows, joined);
    }

    /** Whether the row's only non-empty cells are in text columns. */
    private static boolean continues(CsvRow row, Set<Integer> text) {
        boolean any = false;
        for (int column = 0; column < row.cells().size(); column++) {
            if (!row.cell(column).isEmpty()) {
                if (!text.contains(column)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static CsvRow joinedTo(CsvRow above, CsvRow row) {
        List<String> cells = new ArrayList<>(above.cells());
        for (int column = 0; column < row.cells().size(); column++) {
            String more = row.cell(column);
            if (more.isEmpty()) {
                continue;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, cells.get(column).isEmpty() ? more : cells.get(column) + " " + more);
        }
        return new CsvRow(above.line(), cells);
    }
}
