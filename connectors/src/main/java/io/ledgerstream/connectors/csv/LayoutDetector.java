package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a CSV file's {@link CsvLayout}: the delimiter giving the most rows of one width, the header
 * row (skipping any preamble), each column's role (by header name checked against content, or by
 * content alone when there is no header), the date order, the decimal separator and the sign
 * convention. When it is unsure, it refuses and says what is ambiguous.
 */
final class LayoutDetector {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_ROWS = 40;
    private static final int HEADER_SEARCH_ROWS = 25;

    /** The layout and the rows it applies to. */
    record Detected(CsvLayout layout, List<CsvRow> dataRows, List<String> headerNames, int width) {

        /** How messages name a column: {@code column 3 ('Amount')}. */
        String label(int column) {
            String name = column < headerNames.size() ? headerNames.get(column) : "";
            return "column " + (column + 1) + (name.isEmpty() ? "" : " ('" + name + "')");
        }
    }

    private LayoutDetector() {
    }

    static Detected detect(CsvText text, DayMonthOrder explicitOrder) {
        char delimiter = delimiter(text);
        List<CsvRow> all = CsvTokenizer.rows(text, delimiter, Integer.MAX_VALUE);
        int width = modalWidth(all).orElseThrow();
        int header = headerIndex(all, width);
        List<CsvRow> data = header >= 0 ? all.subList(header + 1, all.size()) : fromFirstDated(all, width);
        List<String> names = header >= 0 ? all.get(header).cells() : List.of();
        List<CsvRow> sample = data.stream().filter(row -> row.cells().size() == width).toList();
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            profiles.add(ColumnProfile.of(column, sample));
        }
        Map<ColumnRole, List<Integer>> roles = header >= 0
                ? HeaderRoles.of(names, profiles)
                : ContentRoles.of(profiles, sample);
        Detected partial = new Detected(null, data, names, width);
        int dateColumn = roles.containsKey(ColumnRole.BOOKING_DATE)
                ? roles.get(ColumnRole.BOOKING_DATE).getFirst() : roles.get(ColumnRole.VALUE_DATE).getFirst();
        DayMonthOrder order = explicitOrder != null ? explicitOrder : dateOrder(data, dateColumn, partial.label(dateColumn));
        List<Integer> moneyColumns = new ArrayList<>();
        for (ColumnRole role : List.of(ColumnRole.AMOUNT, ColumnRole.DEBIT, ColumnRole.CREDIT)) {
            moneyColumns.addAll(roles.getOrDefault(role, List.of()));
        }
        List<String> moneyCells = new ArrayList<>();
        for (CsvRow row : data) {
            moneyColumns.forEach(column -> moneyCells.add(row.cell(column)));
        }
        String moneyLabels = moneyColumns.stream().map(partial::label).collect(Collectors.joining(" and "));
        char decimal = DecimalSeparator.of(moneyCells.stream().filter(c -> !c.isEmpty()).toList(), moneyLabels);
        SignConvention sign = SignRules.of(roles, profiles, sample, partial);
        CsvLayout layout = new CsvLayout(text.charset(), delimiter, header >= 0 ? all.get(header).line() : 0,
                roles, order, decimal, sign);
        return new Detected(layout, data, names, width);
    }

    private static char delimiter(CsvText text) {
        char best = 0;
        int bestRows = 0;
        int bestWidth = 0;
        for (char candidate : DELIMITERS) {
            List<CsvRow> rows;
            try {
                rows = CsvTokenizer.rows(text, candidate, SAMPLE_ROWS);
            } catch (StatementRefusedException brokenWithThisDelimiter) {
                continue;
            }
            Optional<Integer> width = modalWidth(rows);
            if (width.isEmpty()) {
                continue;
            }
            int count = (int) rows.stream().filter(row -> row.cells().size() == width.get()).count();
            if (count > bestRows || (count == bestRows && width.get() > bestWidth)) {
                best = candidate;
                bestRows = count;
                bestWidth = width.get();
            }
        }
        if (best == 0) {
            throw new StatementRefusedException("no delimited columns found: no line splits into two or more"
                    + " fields at , ; TAB or |");
        }
        return best;
    }

    /** The most common number of fields among rows with two or more, preferring the wider on a tie. */
    private static Optional<Integer> modalWidth(List<CsvRow> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.stream().filter(row -> row.cells().size() >= 2).forEach(row -> counts.merge(row.cells().size(), 1,
                Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** The first row naming a date and an amount column, or -1. */
    private static int headerIndex(List<CsvRow> rows, int width) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            CsvRow row = rows.get(i);
            if (row.width() > width || row.width() < 2) {
                continue;
            }
            Map<ColumnRole, Integer> named = new EnumMap<>(ColumnRole.class);
            row.cells().forEach(cell -> HeaderNames.roleOf(cell).ifPresent(role -> named.merge(role, 1, Integer::sum)));
            boolean date = named.containsKey(ColumnRole.BOOKING_DATE) || named.containsKey(ColumnRole.VALUE_DATE);
            boolean money = named.containsKey(ColumnRole.AMOUNT) || named.containsKey(ColumnRole.DEBIT)
                    || named.containsKey(ColumnRole.CREDIT);
            boolean noData = row.cells().stream().noneMatch(cell -> DateText.read(cell).isPresent());
            if (date && money && noData) {
                return i;
            }
        }
        // a first row of column names that lacks a date or an amount is still the header: say what is missing
        CsvRow first = rows.getFirst();
        long named = first.cells().stream().filter(cell -> HeaderNames.roleOf(cell).isPresent()).count();
        boolean noData = first.cells().stream().noneMatch(cell -> DateText.read(cell).isPresent()
                || MoneyText.looksLikeMoney(cell));
        return named >= 2 && noData && first.width() <= width ? 0 : -1;
    }

    /** Without a header, data starts at the first row holding a date (its width may differ: ragged rows). */
    private static List<CsvRow> fromFirstDated(List<CsvRow> rows, int width) {
        for (int i = 0; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            if (row.cells().size() >= 2 && row.cells().stream().anyMatch(c -> DateText.read(c).isPresent())) {
                return rows.subList(i, rows.size());
            }
        }
        throw new StatementRefusedException("no header row naming a date and an amount column, and no row"
                + " holding a date: cannot find the transactions");
    }

    private static DayMonthOrder dateOrder(List<CsvRow> rows, int column, String label) {
        List<DayMonthOrder.Dated> dates = new ArrayList<>();
        for (CsvRow row : rows) {
            String cell = row.cell(column);
            DateText.read(cell).ifPresent(date -> dates.add(date.dated(cell, row.line())));
        }
        return DayMonthOrder.of(dates, "in " + label, "set the date order explicitly (DAY_FIRST or MONTH_FIRST)")
                .orElse(null);
    }
}
