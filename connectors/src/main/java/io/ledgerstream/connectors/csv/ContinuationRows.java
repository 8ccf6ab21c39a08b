package io.ledgerstream.connectors.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two-row records (OCBC): a row with no date and no amount, whose only text is in description or
 * payee columns, continues the description of the dated row above it. Its cells are joined to that
 * row's before mapping; nothing else about the rows changes.
 */
final class ContinuationRows {

    private ContinuationRows() {
    }

    /**
     * Hands over the data rows in file order, each with the continuation rows below it joined to it.
     *
     * @return how many rows were joined to the row above
     */
    static int forEachJoined(List<CsvRow> data, CsvLayout layout, Consumer<CsvRow> rows) {
        Set<Integer> text = Stream.concat(layout.all(ColumnRole.DESCRIPTION).stream(),
                layout.all(ColumnRole.PAYEE).stream()).collect(Collectors.toSet());
        CsvRow above = null;
        int joined = 0;
        for (CsvRow row : data) {
            if (above != null && continues(row, text) && layout.date(above.cell(layout.dateColumn())).isPresent()) {
                above = joinedTo(above, row);
                joined++;
            } else {
                if (above != null) {
                    rows.accept(above);
                }
                above = row;
            }
        }
        if (above != null) {
            rows.accept(above);
        }
        return joined;
    }

    /** Whether the row's only non-empty cells are in text columns. */
    private static boolean continues(CsvRow row, Set<Integer> text) {
        boolean any = false;
        for (int column = 0; column < row.size(); column++) {
            if (!row.empty(column)) {
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
        for (int column = 0; column < row.size(); column++) {
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
