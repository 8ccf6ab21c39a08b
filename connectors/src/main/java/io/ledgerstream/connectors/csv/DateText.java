package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date cell as written, before the file's day/month order is known. Year first ({@code 2018-02-27},
 * {@code 2013/01/17}, {@code 2019.03.02.}, {@code 20180227}, {@code 20091224120000[0:GMT]}, ISO
 * timestamps), named months ({@code 27 Feb 2018}, {@code 10-Nov-9}, {@code Feb 27, 2018}) and
 * dotted dates ({@code 02.03.2018}, day first wherever dots are written) fix the date; other numeric
 * dates ({@code 4/1/2008}) hold two numbers whose order the whole file decides.
 * Two-digit years follow the POSIX rule (69-99 are 19YY, 00-68 20YY); a one-digit year is 200Y.
 *
 * @param fixed  the date when the text alone fixes it, else {@code null}
 * @param first  the first number of an order-dependent date
 * @param second the second number
 * @param year   the full year of an order-dependent date
 */
record DateText(LocalDate fixed, int first, int second, int year) {

    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})\\.?(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{4}|\\d{6})?(?:\\[.*])?");
    private static final Pattern YEAR_LAST =
            Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2}|\\d{4})(?:[T ,].*)?");
    private static final Pattern NAMED_DAY_FIRST =
            Pattern.compile("(\\d{1,2})[-/. ]+(\\p{L}{3,9})\\.?[-/., ]+(\\d{1,4})(?:[T ].*)?");
    private static final Pattern NAMED_MONTH_FIRST = Pattern.compile("(\\p{L}{3,9})\\.? (\\d{1,2}),? (\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("mrt", 3),
            Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mei", 5),
            Map.entry("jun", 6), Map.entry("juin", 6), Map.entry("jul", 7), Map.entry("juil", 7),
            Map.entry("aug", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12));
    private static final int POSIX_PIVOT = 69;

    /** The date's parts, or empty when the text is no date. */
    static Optional<DateText> read(String text) {
        String cell = text.strip();
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        if (!Character.isDigit(cell.charAt(0))) {
            // only "Feb 27, 2018" starts with a letter: one pattern, not five, for every description
            // cell that detection tries as a date
            return namedMonthFirst(cell);
        }
        Matcher m = YEAR_FIRST.matcher(cell);
        if (m.matches()) {
            return fixed(num(m, 1), num(m, 3), num(m, 4));
        }
        m = COMPACT.matcher(cell);
        if (m.matches()) {
            return fixed(num(m, 1), num(m, 2), num(m, 3));
        }
        m = YEAR_LAST.matcher(cell);
        if (m.matches()) {
            int year = fullYear(m.group(4));
            if (".".equals(m.group(2))) {
                return fixed(year, num(m, 3), num(m, 1));
            }
            return Optional.of(new DateText(null, num(m, 1), num(m, 3), year));
        }
        Matcher dayFirst = NAMED_DAY_FIRST.matcher(cell);
        if (dayFirst.matches()) {
            return month(dayFirst.group(2))
                    .flatMap(month -> fixed(fullYear(dayFirst.group(3)), month, num(dayFirst, 1)));
        }
        return Optional.empty();
    }

    private static Optional<DateText> namedMonthFirst(String cell) {
        Matcher named = NAMED_MONTH_FIRST.matcher(cell);
        if (named.matches()) {
            return month(named.group(1)).flatMap(month -> fixed(num(named, 3), month, num(named, 2)));
        }
        return Optional.empty();
    }

    /** The date as the shared day/month order check sees it. */
    DayMonthOrder.Dated dated(String text, int line) {
        return new DayMonthOrder.Dated(first, second, fixed != null, text, line);
    }

    /** The calendar date under the file's order (ignored for fixed dates), or empty when no such day. */
    Optional<LocalDate> resolve(DayMonthOrder order) {
        if (fixed != null) {
            return Optional.of(fixed);
        }
        boolean dayFirst = order == DayMonthOrder.DAY_FIRST;
        return of(year, dayFirst ? second : first, dayFirst ? first : second);
    }

    private static Optional<DateText> fixed(int year, int month, int day) {
        return of(year, month, day).map(date -> new DateText(date, 0, 0, year));
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> month(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        if (plain.length() >= 4 && MONTHS.containsKey(plain.substring(0, 4))) {
            return Optional.of(MONTHS.get(plain.substring(0, 4)));
        }
        return Optional.ofNullable(MONTHS.get(plain.substring(0, 3)));
    }

    private static int fullYear(String digits) {
        int value = Integer.parseInt(digits);
        if (digits.length() >= 3) {
            return value;
        }
        return value >= POSIX_PIVOT ? 1900 + value : 2000 + value;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
