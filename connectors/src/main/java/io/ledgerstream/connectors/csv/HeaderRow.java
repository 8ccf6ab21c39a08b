package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Where a file's header row is, if it has one, and so where its data rows start. A profile's
 * {@code header-line} says it; else the first row holding every column the profile names; else the
 * first row naming a date and an amount column (any preamble above it skipped); else there is none
 * and the data starts at the first row holding a date, or after the profile's {@code skip-lines}.
 *
 * @param index the header's index among the rows, or -1 when there is none
 * @param rows  every row of the file
 * @param data  the rows after the header (or the preamble)
 */
record HeaderRow(int index, List<CsvRow> rows, List<CsvRow> data) {

    static final int SEARCH_ROWS = 25;

    static HeaderRow find(List<CsvRow> rows, int width, CsvProfile profile, Predicate<String> isDate) {
        int skip = profile.skipLines() == null ? 0 : profile.skipLines();
        int offset = 0; // rows are in line order: those after the skipped lines are the rest of the list
        while (offset < rows.size() && rows.get(offset).line() <= skip) {
            offset++;
        }
        List<CsvRow> after = rows.subList(offset, rows.size());
        if (after.isEmpty()) {
            throw new StatementRefusedException("no rows after the first " + skip + " lines (skip-lines)");
        }
        Integer line = profile.headerLine();
        if (line != null && line == 0) {
            return new HeaderRow(-1, rows, profile.skipLines() != null ? after : fromFirstDated(after, isDate));
        }
        int index;
        if (line != null) {
            index = IntStream.range(offset, rows.size()).filter(i -> rows.get(i).line() == line).boxed().findFirst()
                    .orElseThrow(() -> new StatementRefusedException("no row starts on line " + line
                            + " (header-line): it is blank, inside a quoted field, or past the end"));
        } else if (profile.namesColumns()) {
            index = offset + byNames(after, profile);
        } else {
            int found = detected(after, width, isDate);
            index = found < 0 ? -1 : offset + found;
        }
        if (index < 0) {
            return new HeaderRow(-1, rows, profile.skipLines() != null ? after : fromFirstDated(after, isDate));
        }
        return new HeaderRow(index, rows, rows.subList(index + 1, rows.size()));
    }

    boolean present() {
        return index >= 0;
    }

    /** The header's cells, or none. */
    List<String> names() {
        return present() ? rows.get(index).cells() : List.of();
    }

    /** The header's 1-based line, 0 when there is none. */
    int line() {
        return present() ? rows.get(index).line() : 0;
    }

    /**
     * The first row holding every column the profile names, else the one holding most of them (the
     * profile then refuses the file, naming what is missing).
     */
    private static int byNames(List<CsvRow> rows, CsvProfile profile) {
        List<ColumnRef> named = profile.columns().values().stream().flatMap(List::stream).filter(ColumnRef::named)
                .toList();
        int best = -1;
        long bestFound = 0;
        for (int i = 0; i < Math.min(SEARCH_ROWS, rows.size()); i++) {
            List<String> cells = rows.get(i).cells();
            long found = named.stream().filter(ref -> ref.indexIn(cells) >= 0).count();
            if (found == named.size()) {
                return i;
            }
            if (found > bestFound) {
                best = i;
                bestFound = found;
            }
        }
        if (best < 0) {
            throw new StatementRefusedException(named.getFirst().origin() + " names columns "
                    + named.stream().map(ColumnRef::toString).distinct().toList()
                    + ", but no row among the first " + SEARCH_ROWS + " holds any of them: the file is not"
                    + " this profile's export, or its header row is missing");
        }
        return best;
    }

    /** The first row naming a date and an amount column, or -1. */
    private static int detected(List<CsvRow> rows, int width, Predicate<String> isDate) {
        for (int i = 0; i < Math.min(SEARCH_ROWS, rows.size()); i++) {
            CsvRow row = rows.get(i);
            if (row.width() < 2) {
                continue;
            }
            Map<ColumnRole, Integer> named = new EnumMap<>(ColumnRole.class);
            row.cells().forEach(cell -> HeaderNames.roleOf(cell).ifPresent(role -> named.merge(role, 1, Integer::sum)));
            boolean date = named.containsKey(ColumnRole.BOOKING_DATE) || named.containsKey(ColumnRole.VALUE_DATE);
            boolean money = named.containsKey(ColumnRole.AMOUNT) || named.containsKey(ColumnRole.DEBIT)
                    || named.containsKey(ColumnRole.CREDIT);
            boolean noData = row.cells().stream().noneMatch(isDate);
            // a header may be wider than its rows (names of columns the rows leave out)
            if (date && money && noData) {
                return i;
            }
        }
        // a first row of column names that lacks a date or an amount is still the header: say what is missing
        CsvRow first = rows.getFirst();
        long named = first.cells().stream().filter(cell -> HeaderNames.roleOf(cell).isPresent()).count();
        boolean noData = first.cells().stream().noneMatch(cell -> isDate.test(cell) || MoneyText.looksLikeMoney(cell));
        return named >= 2 && noData && first.width() <= width ? 0 : -1;
    }

    /** Without a header, data starts at the first row holding a date (its width may differ: ragged rows). */
    private static List<CsvRow> fromFirstDated(List<CsvRow> rows, Predicate<String> isDate) {
        for (int i = 0; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            if (row.size() >= 2 && row.cells().stream().anyMatch(isDate)) {
                return rows.subList(i, rows.size());
            }
        }
        throw new StatementRefusedException("no header row naming a date and an amount column, and no row"
                + " holding a date: cannot find the transactions; name the columns with --csv date=N"
                + " --csv amount=N (or a --profile)");
    }
}
