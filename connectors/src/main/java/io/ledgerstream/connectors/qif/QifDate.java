package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QIF date as written, before the file's day/month order is known: {@code 12/19/18},
 * {@code 2/10'2020}, {@code 1/ 1'00}, {@code 19/12/2018}, {@code 2020-02-14}.
 *
 * <p>Years: four digits as written; after an apostrophe (Quicken's mark for years from 2000) one or
 * two digits mean 20YY; after another separator two digits follow the POSIX {@code strptime} rule
 * (69-99 are 19YY, 00-68 are 20YY). Spaces inside the date are padding and ignored.
 *
 * @param first     the first number (day or month) of a D/M or M/D date
 * @param second    the second number
 * @param year      the full year
 * @param yearFirst whether the date is written year first (YYYY-MM-DD), which fixes the order
 */
record QifDate(int first, int second, int year, boolean yearFirst) {

    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})(['/.-])(\\d{1,4})");
    private static final int POSIX_PIVOT = 69;

    /** The date's parts, or empty when the text is no date in any of the forms above. */
    static Optional<QifDate> read(String text) {
        String compact = text.replaceAll("\\s", "");
        Matcher iso = YEAR_FIRST.matcher(compact);
        if (iso.matches()) {
            return Optional.of(new QifDate(Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)),
                    Integer.parseInt(iso.group(1)), true));
        }
        Matcher m = YEAR_LAST.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        return fullYear(m.group(4), m.group(3).charAt(0)).map(year -> new QifDate(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year, false));
    }

    private static Optional<Integer> fullYear(String digits, char separator) {
        int value = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return Optional.of(value);
        }
        if (separator == '\'' && digits.length() <= 2) {
            return Optional.of(2000 + value);
        }
        if (digits.length() == 2) {
            return Optional.of(value >= POSIX_PIVOT ? 1900 + value : 2000 + value);
        }
        return Optional.empty();
    }

    /** The date as the shared day/month order check sees it. */
    DayMonthOrder.Dated dated(String text, int line) {
        return new DayMonthOrder.Dated(first, second, yearFirst, text, line);
    }

    /** The calendar date under the file's order, or empty when there is no such day. */
    Optional<LocalDate> resolve(DayMonthOrder order) {
        int month = yearFirst || order == DayMonthOrder.MONTH_FIRST ? first : second;
        int day = yearFirst || order == DayMonthOrder.MONTH_FIRST ? second : first;
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
