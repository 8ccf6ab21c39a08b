package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Finds a CSV file's {@link CsvLayout}: the delimiter giving the most rows of one width, the header
 * row (see {@link HeaderRow}), each column's role (by header name checked against content, or by
 * content alone when there is no header), the date order, the decimal separator and the sign
 * convention. Whatever a {@link CsvProfile} states is taken instead of detected. When it is
 * unsure, it refuses and says what is ambiguous and which {@code --csv} setting resolves it.
 */
final class LayoutDetector {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_ROWS = 40;
    private static final String DATE_ORDER_OPTIONS = "pass --csv date-order=day-first or --csv date-order=month-first";

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

    static Detected detect(CsvText text, CsvProfile profile) {
        char delimiter = profile.delimiter() != null ? profile.delimiter() : delimiter(text);
        List<CsvRow> all = CsvTokenizer.rows(text, delimiter, Integer.MAX_VALUE);
        int width = modalWidth(all).orElseThrow(() -> new StatementRefusedException("no line splits into two or"
                + " more fields at the delimiter '" + printable(delimiter) + "'"));
        DateTimeFormatter dateFormat = profile.dateFormatter();
        Predicate<String> isDate = dateFormat != null
                ? cell -> CsvLayout.date(cell, dateFormat).isPresent() : cell -> DateText.read(cell).isPresent();
        HeaderRow header = HeaderRow.find(all, width, profile, isDate);
        List<CsvRow> data = header.data();
        List<String> names = header.names();
        List<CsvRow> sample = data.stream().allMatch(row -> row.size() == width) ? data
                : data.stream().filter(row -> row.size() == width).toList();
        // columns are profiled in parallel: each reads every row of the file, independently of the
        // others, and on a large statement this is most of the parse
        List<ColumnProfile> profiles = IntStream.range(0, width).parallel()
                .mapToObj(column -> ColumnProfile.of(column, sample, header.present() && column < names.size()
                        && HeaderNames.roleOf(names.get(column)).filter(ColumnRole.TRANSACTION_ID::equals).isPresent()))
                .toList();
        int widest = data.stream().mapToInt(row -> row.size()).max().orElse(width);
        Map<ColumnRole, List<Integer>> explicit = ExplicitRoles.resolve(profile, header, Math.max(width, widest));
        Map<ColumnRole, List<Integer>> roles = ExplicitRoles.merge(header.present()
                ? HeaderRoles.of(names, profiles, explicit.keySet())
                : ContentRoles.of(profiles, sample, explicit.keySet()), explicit);
        Detected partial = new Detected(null, data, names, width);
        int dateColumn = roles.containsKey(ColumnRole.BOOKING_DATE)
                ? roles.get(ColumnRole.BOOKING_DATE).getFirst() : roles.get(ColumnRole.VALUE_DATE).getFirst();
        DayMonthOrder order = dateFormat != null || profile.dateOrder() != null ? profile.dateOrder()
                : dateOrder(data, dateColumn, partial.label(dateColumn));
        List<Integer> moneyColumns = new ArrayList<>();
        for (ColumnRole role : List.of(ColumnRole.AMOUNT, ColumnRole.DEBIT, ColumnRole.CREDIT)) {
            moneyColumns.addAll(roles.getOrDefault(role, List.of()));
        }
        char decimal = profile.decimalSeparator() != null ? profile.decimalSeparator()
                : decimalSeparator(data, moneyColumns, partial);
        DirectionFlag flags = profile.flags();
        SignConvention sign = profile.sign() != null ? SignRules.check(profile.sign(), roles)
                : SignRules.of(roles, profiles, sample, partial, ExplicitRoles.namesMoney(explicit.keySet()), flags);
        String currency = profile.currency() != null ? profile.currency()
                : HeaderNames.currencyOf(moneyColumns.stream().map(c -> c < names.size() ? names.get(c) : "").toList())
                .orElse(null);
        CsvLayout layout = new CsvLayout(text.charset(), delimiter, header.line(), roles, order, dateFormat, decimal,
                sign, flags, currency);
        return new Detected(layout, data, names, width);
    }

    private static char decimalSeparator(List<CsvRow> data, List<Integer> moneyColumns, Detected partial) {
        DecimalSeparator.Votes votes = new DecimalSeparator.Votes();
        for (CsvRow row : data) {
            for (int column : moneyColumns) {
                String cell = row.cell(column);
                if (!cell.isEmpty()) {
                    votes.add(cell);
                }
            }
        }
        return votes.separator(moneyColumns.stream().map(partial::label).collect(Collectors.joining(" and ")));
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
            int count = (int) rows.stream().filter(row -> row.size() == width.get()).count();
            if (count > bestRows || (count == bestRows && width.get() > bestWidth)) {
                best = candidate;
                bestRows = count;
                bestWidth = width.get();
            }
        }
        if (best == 0) {
            throw new StatementRefusedException("no delimited columns found: no line splits into two or more"
                    + " fields at , ; TAB or |; pass --csv delimiter=CHAR");
        }
        return best;
    }

    /** The most common number of fields among rows with two or more, preferring the wider on a tie. */
    private static Optional<Integer> modalWidth(List<CsvRow> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.stream().filter(row -> row.size() >= 2).forEach(row -> counts.merge(row.size(), 1,
                Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    private static DayMonthOrder dateOrder(List<CsvRow> rows, int column, String label) {
        DayMonthOrder.Evidence dates = new DayMonthOrder.Evidence();
        for (CsvRow row : rows) {
            String cell = row.cell(column);
            DateText.read(cell).ifPresent(date -> dates.add(date.dated(cell, row.line())));
        }
        return dates.order("in " + label, DATE_ORDER_OPTIONS).orElse(null);
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }
}
