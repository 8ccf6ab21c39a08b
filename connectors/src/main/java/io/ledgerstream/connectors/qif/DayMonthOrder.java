package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a QIF file writes dates day first or month first. QIF does not say, and exporters differ
 * by country, so the order is read off the whole file: a date whose first part is above 12 proves
 * D/M, one whose second part is above 12 proves M/D. Never guessed: when dates that read both ways
 * have nothing to settle them, or the file proves both orders, the file is refused. Files whose
 * dates all read the same either way (1/1, 5/5, YYYY-MM-DD) need no order.
 */
enum DayMonthOrder {
    DAY_FIRST,
    MONTH_FIRST;

    /**
     * The order of the dates of one file.
     *
     * @param dates every transaction date of the file, with its line
     * @throws StatementRefusedException if the order is ambiguous or contradictory
     */
    static DayMonthOrder of(List<Dated> dates) {
        Optional<Dated> dayFirst = dates.stream().filter(d -> d.date().onlyDayFirst()).findFirst();
        Optional<Dated> monthFirst = dates.stream().filter(d -> d.date().onlyMonthFirst()).findFirst();
        if (dayFirst.isPresent() && monthFirst.isPresent()) {
            throw new StatementRefusedException("the day/month order of the dates is contradictory: '"
                    + dayFirst.get().text() + "' (line " + dayFirst.get().line() + ") is day first but '"
                    + monthFirst.get().text() + "' (line " + monthFirst.get().line() + ") is month first");
        }
        if (dayFirst.isPresent()) {
            return DAY_FIRST;
        }
        if (monthFirst.isPresent()) {
            return MONTH_FIRST;
        }
        Optional<Dated> ambiguous = dates.stream().filter(d -> d.date().readsBothWays()).findFirst();
        if (ambiguous.isPresent()) {
            throw new StatementRefusedException("the day/month order of the dates is ambiguous: '"
                    + ambiguous.get().text() + "' (line " + ambiguous.get().line()
                    + ") reads both ways and no date in the file has a day above 12 to tell; QIF does not"
                    + " say which order it uses, and there is no option to set it yet");
        }
        // no date depends on the order: any choice gives the same days
        return MONTH_FIRST;
    }

    /** A date as read, with its text and line for messages. */
    record Dated(QifDate date, String text, int line) {
    }
}
