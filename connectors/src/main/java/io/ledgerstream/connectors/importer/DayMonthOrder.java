package io.ledgerstream.connectors.importer;

import java.util.List;
import java.util.Optional;

/**
 * Whether a file writes numeric dates day first or month first ({@code 10/02/2018}: 10 February or
 * 2 October). Formats that do not say (QIF, CSV) read the order off the whole file: a date whose
 * first number is above 12 proves day first, one whose second is above 12 proves month first. Never
 * guessed: dates that read both ways with nothing to settle them, or proof of both orders, refuse
 * the file. Dates whose order is fixed (year first, named months) or that read the same either way
 * (5/5) need no order.
 */
public enum DayMonthOrder {
    DAY_FIRST,
    MONTH_FIRST;

    private static final int LAST_MONTH = 12;

    /**
     * One date as written, with what is needed to judge and to name it.
     *
     * @param first      its first number (day or month)
     * @param second     its second number
     * @param fixedOrder whether the text alone fixes the date (year first, a named month)
     * @param text       the date as written, for messages
     * @param line       the 1-based line it is on
     */
    public record Dated(int first, int second, boolean fixedOrder, String text, int line) {

        boolean onlyDayFirst() {
            return !fixedOrder && first > LAST_MONTH && second <= LAST_MONTH;
        }

        boolean onlyMonthFirst() {
            return !fixedOrder && second > LAST_MONTH && first <= LAST_MONTH;
        }

        boolean readsBothWays() {
            return !fixedOrder && first <= LAST_MONTH && second <= LAST_MONTH && first != second;
        }
    }

    /**
     * The order of the dates of one file, or empty when no date depends on it.
     *
     * @param dates     every date of the file (or of one column), with its line
     * @param where     where the dates are, for messages ("in column 1 ('Date')"), or {@code null}
     * @param howToTell what the user can do when the dates do not tell
     * @throws StatementRefusedException if the order is ambiguous or contradictory
     */
    public static Optional<DayMonthOrder> of(List<Dated> dates, String where, String howToTell) {
        Evidence evidence = new Evidence();
        dates.forEach(evidence::add);
        return evidence.order(where, howToTell);
    }

    /**
     * The dates of a file taken one by one, keeping only what decides the order (the first date of
     * each kind), so that a large file's dates need not be held.
     */
    public static final class Evidence {

        private Dated dayFirst;
        private Dated monthFirst;
        private Dated ambiguous;

        public void add(Dated date) {
            if (dayFirst == null && date.onlyDayFirst()) {
                dayFirst = date;
            } else if (monthFirst == null && date.onlyMonthFirst()) {
                monthFirst = date;
            } else if (ambiguous == null && date.readsBothWays()) {
                ambiguous = date;
            }
        }

        /**
         * The order the dates added so far show, or empty when none depends on it.
         *
         * @param where     where the dates are, for messages ("in column 1 ('Date')"), or {@code null}
         * @param howToTell what the user can do when the dates do not tell
         * @throws StatementRefusedException if the order is ambiguous or contradictory
         */
        public Optional<DayMonthOrder> order(String where, String howToTell) {
            String subject = "the day/month order of the dates" + (where == null ? "" : " " + where);
            if (dayFirst != null && monthFirst != null) {
                throw new StatementRefusedException(subject + " is contradictory: '" + dayFirst.text() + "' (line "
                        + dayFirst.line() + ") is day first but '" + monthFirst.text() + "' (line "
                        + monthFirst.line() + ") is month first");
            }
            if (dayFirst != null) {
                return Optional.of(DAY_FIRST);
            }
            if (monthFirst != null) {
                return Optional.of(MONTH_FIRST);
            }
            if (ambiguous != null) {
                throw new StatementRefusedException(subject + " is ambiguous: '" + ambiguous.text() + "' (line "
                        + ambiguous.line() + ") reads both ways and no date in the file has a day above 12 to tell; "
                        + howToTell);
            }
            return Optional.empty();
        }
    }
}
