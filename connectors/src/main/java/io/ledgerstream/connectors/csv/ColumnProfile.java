package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one column holds over the data rows, for telling roles by content.
 *
 * @param index         0-based column
 * @param filled        non-empty cells
 * @param rows          rows looked at
 * @param dates         every non-empty cell (pending markers aside) is a date
 * @param dateShare     share of non-empty cells (pending markers aside) that are dates
 * @param amounts       every non-empty cell reads as an amount
 * @param amountShare   share of non-empty cells that read as amounts
 * @param moneyLike     every non-empty cell looks like money, not a count or code (headerless files); a
 *                      bare {@code 0} (the side not taken of a debit/credit pair) counts as empty
 * @param moneyFilled   non-empty cells other than a bare {@code 0}
 * @param signed        some cell carries a sign
 * @param negative      some cell is negative
 * @param flagShare     share of non-empty cells that are debit/credit flags
 * @param currencies    every non-empty cell is an ISO 4217 code
 * @param unique        no two non-empty cells are equal (false when not checked)
 * @param averageLength average length of non-empty cells holding letters, 0 when none do
 */
record ColumnProfile(int index, int filled, int rows, boolean dates, double dateShare, boolean amounts,
                     double amountShare, boolean moneyLike, int moneyFilled,
                     boolean signed, boolean negative, double flagShare, boolean currencies, boolean unique,
                     double averageLength) {

    /**
     * @param checkUnique whether to find out if the cells are unique; a set of every cell costs
     *                    time and memory on large files, so only for a column that may hold ids
     */
    static ColumnProfile of(int index, List<CsvRow> rows, boolean checkUnique) {
        // one pass, each cell read as a date and as money at most once: detection looks at every
        // row of the file, and this is most of what a large import costs
        int filled = 0;
        int notPending = 0;
        int dated = 0;
        int amounted = 0;
        int moneyFilled = 0;
        boolean moneyLike = true;
        boolean signed = false;
        boolean negative = false;
        int flags = 0;
        boolean currencies = true;
        Set<String> distinct = checkUnique ? new HashSet<>() : null;
        long textLength = 0;
        int texts = 0;
        for (CsvRow row : rows) {
            String cell = row.cell(index);
            if (cell.isEmpty()) {
                continue;
            }
            filled++;
            if (!RowKinds.isPending(cell)) {
                notPending++;
                if (DateText.read(cell).isPresent()) {
                    dated++;
                }
            }
            Optional<MoneyText> money = MoneyText.read(cell);
            if (money.isPresent()) {
                amounted++;
                signed |= money.get().signed();
                negative |= money.get().negative();
            }
            if (!"0".equals(cell)) {
                moneyFilled++;
                moneyLike = moneyLike && MoneyText.looksLikeMoney(cell, money);
            }
            if (DirectionFlag.isOut(cell).isPresent()) {
                flags++;
            }
            currencies = currencies && cell.strip().length() == 3 && CurrencyCodes.normalize(cell).isPresent();
            if (checkUnique) {
                distinct.add(cell);
            }
            if (hasLetter(cell)) {
                texts++;
                textLength += cell.length();
            }
        }
        return new ColumnProfile(index, filled, rows.size(), notPending > 0 && dated == notPending,
                share(dated, notPending), amounted == filled, share(amounted, filled), moneyFilled > 0 && moneyLike,
                moneyFilled, signed, negative, filled == 0 ? 0 : (double) flags / filled, currencies,
                checkUnique && distinct.size() == filled, texts == 0 ? 0 : (double) textLength / texts);
    }

    private static boolean hasLetter(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (Character.isLetter(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static double share(long part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    boolean alwaysFilled() {
        return filled == rows && rows > 0;
    }

    /** Every row holds an amount here (a bare 0 holds none). */
    boolean alwaysMoney() {
        return moneyFilled == rows && rows > 0;
    }

    boolean isFlags() {
        return filled > 0 && flagShare >= 2.0 / 3;
    }
}
