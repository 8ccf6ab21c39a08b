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
 * @param unique        no two non-empty cells are equal
 * @param averageLength average length of non-empty cells holding letters, 0 when none do
 */
record ColumnProfile(int index, int filled, int rows, boolean dates, double dateShare, boolean amounts,
                     double amountShare, boolean moneyLike, int moneyFilled,
                     boolean signed, boolean negative, double flagShare, boolean currencies, boolean unique,
                     double averageLength) {

    static ColumnProfile of(int index, List<CsvRow> rows) {
        List<String> cells = rows.stream().map(row -> row.cell(index)).filter(cell -> !cell.isEmpty()).toList();
        List<String> notPending = cells.stream().filter(cell -> !RowKinds.isPending(cell)).toList();
        long dated = notPending.stream().filter(c -> DateText.read(c).isPresent()).count();
        boolean dates = !notPending.isEmpty() && dated == notPending.size();
        // each cell read as money once: detection looks at every row of the file
        List<MoneyText> money = cells.stream().map(MoneyText::read).flatMap(Optional::stream).toList();
        long amounted = money.size();
        boolean amounts = amounted == cells.size();
        List<String> moneyCells = cells.stream().filter(cell -> !"0".equals(cell)).toList();
        boolean moneyLike = !moneyCells.isEmpty() && moneyCells.stream().allMatch(MoneyText::looksLikeMoney);
        boolean signed = money.stream().anyMatch(MoneyText::signed);
        boolean negative = money.stream().anyMatch(MoneyText::negative);
        long flags = cells.stream().filter(c -> DirectionFlag.isOut(c).isPresent()).count();
        boolean currencies = cells.stream().allMatch(c -> CurrencyCodes.normalize(c).isPresent()
                && c.strip().length() == 3);
        Set<String> distinct = new HashSet<>(cells);
        List<String> texts = cells.stream().filter(c -> c.chars().anyMatch(Character::isLetter)).toList();
        double averageLength = texts.stream().mapToInt(String::length).average().orElse(0);
        return new ColumnProfile(index, cells.size(), rows.size(), dates, share(dated, notPending.size()), amounts,
                share(amounted, cells.size()), moneyLike, moneyCells.size(), signed, negative,
                cells.isEmpty() ? 0 : (double) flags / cells.size(), currencies, distinct.size() == cells.size(),
                averageLength);
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
