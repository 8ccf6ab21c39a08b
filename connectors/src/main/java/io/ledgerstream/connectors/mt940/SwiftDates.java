package io.ledgerstream.connectors.mt940;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The dates of MT940: YYMMDD, its century fixed as SWIFT does (YY below 80 is 20YY, else 19YY),
 * and the MMDD entry date, whose year is the value date's unless the year before or after puts it
 * nearer (an entry booked on 2 January for a value date of 31 December, or the reverse).
 */
final class SwiftDates {

    private static final int CENTURY_PIVOT = 80;

    private SwiftDates() {
    }

    static Optional<LocalDate> yymmdd(String text) {
        if (text == null || !text.matches("\\d{6}")) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(text.substring(0, 2));
        int year = yy < CENTURY_PIVOT ? 2000 + yy : 1900 + yy;
        return date(year, Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
    }

    static Optional<LocalDate> entryDate(String mmdd, LocalDate valueDate) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        LocalDate best = null;
        for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
            Optional<LocalDate> candidate = date(year, month, day);
            if (candidate.isPresent() && (best == null || distance(candidate.get(), valueDate) < distance(best, valueDate))) {
                best = candidate.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
