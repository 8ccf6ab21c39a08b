package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.nio.charset.Charset;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to read one bank's CSV export: what detection finds, or a bank profile states.
 *
 * @param encoding         the text encoding
 * @param delimiter        the field separator: {@code , ; TAB |}
 * @param headerLine       the 1-based line of the header row, 0 when the file has none
 * @param columns          the 0-based column indexes of each role, in column order (of several booking
 *                         dates, the one named as the posting date first)
 * @param dateOrder        the order of numeric day-month-year dates; {@code null} when no date needs one
 * @param dateFormat       the pattern the date cells start with, or {@code null} to read them as
 *                         {@link DateText} does
 * @param decimalSeparator {@code .} or {@code ,}
 * @param sign             how the amount columns say money out from money in
 * @param flags            the words of the debit/credit flag column
 * @param currency         the ISO 4217 code of rows without a currency column, when the file or
 *                         profile states it ({@code Betrag (EUR)}); else {@code null}
 */
public record CsvLayout(Charset encoding, char delimiter, int headerLine, Map<ColumnRole, List<Integer>> columns,
                        DayMonthOrder dateOrder, DateTimeFormatter dateFormat, char decimalSeparator,
                        SignConvention sign, DirectionFlag flags, String currency) {

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

    /** The date a cell holds under this layout, or empty when it holds none. */
    Optional<LocalDate> date(String cell) {
        if (dateFormat == null) {
            return DateText.read(cell).flatMap(d -> d.resolve(dateOrder == null ? DayMonthOrder.DAY_FIRST : dateOrder));
        }
        return date(cell, dateFormat);
    }

    /** The date a cell starts with in this pattern (a time after it is ignored), or empty. */
    static Optional<LocalDate> date(String cell, DateTimeFormatter format) {
        try {
            return Optional.of(LocalDate.from(format.parse(cell.strip(), new ParsePosition(0))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
