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
        if (!isDigit(cell, 0)) {
            // only "Feb 27, 2018" starts with a letter: one pattern, not five, for every description
            // cell that detection tries as a date
            return namedMonthFirst(cell);
        }
        // The numeric forms are scanned by hand rather than matched with regexes: detection tries
        // every cell of every column of the file as a date, and four patterns per amount cell were
        // a fifth of a large import (profiled, docs/benchmarks.md). Each form is a run of digits of
        // given lengths, so the first run and the character after it say which one form can apply.
        int run = digitsFrom(cell, 0);
        if (run == 4 && isSeparator(cell, 4)) {
            return yearFirst(cell);
        }
        if ((run == 8 || run == 12 || run == 14) && (run == cell.length() || isBracketedZone(cell, run))) {
            return fixed(number(cell, 0, 4), number(cell, 4, 6), number(cell, 6, 8));
        }
        if (run <= 2 && isSeparator(cell, run)) {
            Optional<DateText> yearLast = yearLast(cell, run);
            return yearLast != null ? yearLast : namedDayFirst(cell);
        }
        if (run <= 2 && run < cell.length() && cell.charAt(run) == ' ') {
            return namedDayFirst(cell);
        }
        return Optional.empty();
    }

    /** {@code 2018-02-27}, {@code 2013/01/17}, {@code 2019.03.02.}, optionally a time after T or a space. */
    private static Optional<DateText> yearFirst(String cell) {
        char separator = cell.charAt(4);
        int month = digitsFrom(cell, 5);
        int monthEnd = 5 + month;
        if (month < 1 || month > 2 || monthEnd >= cell.length() || cell.charAt(monthEnd) != separator) {
            return Optional.empty();
        }
        int day = digitsFrom(cell, monthEnd + 1);
        int end = monthEnd + 1 + day;
        if (day < 1 || day > 2) {
            return Optional.empty();
        }
        int rest = end < cell.length() && cell.charAt(end) == '.' ? end + 1 : end;
        if (!isTimeOrEnd(cell, rest, "T ")) {
            return Optional.empty();
        }
        return fixed(number(cell, 0, 4), number(cell, 5, monthEnd), number(cell, monthEnd + 1, end));
    }

    /**
     * {@code 4/1/2008}, {@code 27-02-18}, {@code 02.03.2018} (dots: day first): the date, or
     * {@code null} when the cell is not of this form (it may still be a named month).
     */
    private static Optional<DateText> yearLast(String cell, int firstRun) {
        char separator = cell.charAt(firstRun);
        int second = digitsFrom(cell, firstRun + 1);
        int secondEnd = firstRun + 1 + second;
        if (second < 1 || second > 2 || secondEnd >= cell.length() || cell.charAt(secondEnd) != separator) {
            return null;
        }
        int yearDigits = digitsFrom(cell, secondEnd + 1);
        int end = secondEnd + 1 + yearDigits;
        if ((yearDigits != 2 && yearDigits != 4) || !isTimeOrEnd(cell, end, "T ,")) {
            return null;
        }
        int year = fullYear(number(cell, secondEnd + 1, end), yearDigits);
        int first = number(cell, 0, firstRun);
        int middle = number(cell, firstRun + 1, secondEnd);
        if (separator == '.') {
            return fixed(year, middle, first);
        }
        return Optional.of(new DateText(null, first, middle, year));
    }

    private static Optional<DateText> namedDayFirst(String cell) {
        Matcher dayFirst = NAMED_DAY_FIRST.matcher(cell);
        if (dayFirst.matches()) {
            return month(dayFirst.group(2))
                    .flatMap(month -> fixed(fullYear(num(dayFirst, 3), dayFirst.group(3).length()), month,
                            num(dayFirst, 1)));
        }
        return Optional.empty();
    }

    /** ASCII digits only, as the regex {@code \d} reads them. */
    private static boolean isDigit(String cell, int at) {
        char c = cell.charAt(at);
        return c >= '0' && c <= '9';
    }

    /** How many ASCII digits start at {@code from}. */
    private static int digitsFrom(String cell, int from) {
        int at = from;
        while (at < cell.length() && isDigit(cell, at)) {
            at++;
        }
        return at - from;
    }

    private static boolean isSeparator(String cell, int at) {
        if (at >= cell.length()) {
            return false;
        }
        char c = cell.charAt(at);
        return c == '-' || c == '/' || c == '.';
    }

    /** Nothing at {@code at}, or one of {@code starts} followed by anything on the same line. */
    private static boolean isTimeOrEnd(String cell, int at, String starts) {
        return at == cell.length() || starts.indexOf(cell.charAt(at)) >= 0 && isOneLine(cell, at + 1, cell.length());
    }

    /** {@code [0:GMT]} after a compact date: a bracket to the end, on one line. */
    private static boolean isBracketedZone(String cell, int at) {
        return cell.charAt(at) == '[' && cell.length() - at >= 2 && cell.charAt(cell.length() - 1) == ']'
                && isOneLine(cell, at + 1, cell.length() - 1);
    }

    /** No line terminator in {@code [from, to)}, as the regex {@code .} requires. */
    private static boolean isOneLine(String cell, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = cell.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** The decimal number in {@code [from, to)}, all ASCII digits. */
    private static int number(String cell, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (cell.charAt(i) - '0');
        }
        return value;
    }

    private static Optional<DateText> namedMonthFirst(String cell) {
        // what NAMED_MONTH_FIRST can match: 10 to 28 chars (3 to 9 letters, each perhaps two chars),
        // ending in an ASCII digit; most description cells are not, and skip the regex
        if (cell.length() < 10 || cell.length() > 28 || !isDigit(cell, cell.length() - 1)) {
            return Optional.empty();
        }
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

    /** The year written with {@code digits} digits as {@code value}. */
    private static int fullYear(int value, int digits) {
        if (digits >= 3) {
            return value;
        }
        return value >= POSIX_PIVOT ? 1900 + value : 2000 + value;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
