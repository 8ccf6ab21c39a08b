package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to read one bank's CSV export: what detection finds, and what a bank profile
 * could later state explicitly instead.
 *
 * @param encoding         the text encoding
 * @param delimiter        the field separator: {@code , ; TAB |}
 * @param headerLine       the 1-based line of the header row, 0 when the file has none
 * @param columns          the 0-based column indexes of each role, in column order
 * @param dateOrder        the order of numeric day-month-year dates; {@code null} when no date needs one
 * @param decimalSeparator {@code .} or {@code ,}
 * @param sign             how the amount columns say money out from money in
 */
public record CsvLayout(Charset encoding, char delimiter, int headerLine, Map<ColumnRole, List<Integer>> columns,
                        DayMonthOrder dateOrder, char decimalSeparator, SignConvention sign) {

    /** No such column. */
    public static final int NONE = -1;

    public CsvLayout {
        Map<ColumnRole, List<Integer>> copy = new EnumMap<>(ColumnRole.class);
        columns.forEach((role, indexes) -> copy.put(role, List.copyOf(indexes)));
        columns = Map.copyOf(copy);
    }

    /** The first column of this role, or {@link #NONE}. */
    public int column(ColumnRole role) {
        List<Integer> indexes = columns.getOrDefault(role, List.of());
        return indexes.isEmpty() ? NONE : indexes.getFirst();
    }

    /** Every column of this role, in column order. */
    public List<Integer> all(ColumnRole role) {
        return columns.getOrDefault(role, List.of());
    }

    /** The date column: the booking date, else the value date. */
    public int dateColumn() {
        int booking = column(ColumnRole.BOOKING_DATE);
        return booking != NONE ? booking : column(ColumnRole.VALUE_DATE);
    }
}
