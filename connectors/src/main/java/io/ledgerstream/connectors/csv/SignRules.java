package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how a layout's amounts say money out from money in.
 *
 * <ul>
 *   <li>One amount column with minus signs: as written, unless a flag column contradicts the signs on most
 *       rows (a credit-card export writing purchases positive and flagged DEBIT): then inverted.
 *   <li>One amount column with no minus: the flag column decides; without one, when some amounts carry
 *       a plus, the unsigned ones are money out; when none carries a sign, the file is refused.
 *   <li>Debit and credit columns: named by the header, else told apart by which holds negatives, else
 *       by the running balance (ascending or descending); else the file is refused.
 * </ul>
 */
final class SignRules {

    private SignRules() {
    }

    static SignConvention of(Map<ColumnRole, List<Integer>> roles, List<ColumnProfile> profiles, List<CsvRow> rows,
                             LayoutDetector.Detected names) {
        int flag = first(roles, ColumnRole.DIRECTION);
        if (roles.containsKey(ColumnRole.AMOUNT)) {
            int amount = first(roles, ColumnRole.AMOUNT);
            ColumnProfile profile = profiles.get(amount);
            if (profile.negative()) {
                return flag >= 0 && flagContradictsSigns(rows, amount, flag) ? SignConvention.INVERTED
                        : SignConvention.AS_WRITTEN;
            }
            if (flag >= 0) {
                return SignConvention.FLAG;
            }
            if (profile.signed()) {
                return SignConvention.UNSIGNED_IS_OUT;
            }
            if (rows.isEmpty()) {
                return SignConvention.AS_WRITTEN;
            }
            throw new StatementRefusedException("the amounts in " + names.label(amount) + " carry no sign and"
                    + " no column flags debit or credit: cannot tell money out from money in");
        }
        if (names.headerNames().isEmpty() && roles.containsKey(ColumnRole.DEBIT) && roles.containsKey(ColumnRole.CREDIT)) {
            orderHeaderlessPair(roles, profiles, rows, names);
        }
        return SignConvention.DEBIT_CREDIT_COLUMNS;
    }

    private static boolean flagContradictsSigns(List<CsvRow> rows, int amount, int flag) {
        int agree = 0;
        int disagree = 0;
        for (CsvRow row : rows) {
            Optional<Boolean> out = DirectionFlag.isOut(row.cell(flag));
            Optional<MoneyText> money = MoneyText.read(row.cell(amount));
            if (out.isPresent() && money.isPresent()) {
                if (out.get() == money.get().negative()) {
                    agree++;
                } else {
                    disagree++;
                }
            }
        }
        return disagree > agree;
    }

    /** Makes DEBIT the money-out column of two unnamed ones, or refuses. */
    private static void orderHeaderlessPair(Map<ColumnRole, List<Integer>> roles, List<ColumnProfile> profiles,
                                            List<CsvRow> rows, LayoutDetector.Detected names) {
        int a = first(roles, ColumnRole.DEBIT);
        int b = first(roles, ColumnRole.CREDIT);
        boolean aNegative = profiles.get(a).negative();
        boolean bNegative = profiles.get(b).negative();
        boolean aOut;
        if (aNegative != bNegative) {
            aOut = aNegative;
        } else {
            int balance = first(roles, ColumnRole.BALANCE);
            int aOutFits = balance < 0 ? 0 : balanceFits(rows, a, b, balance);
            int bOutFits = balance < 0 ? 0 : balanceFits(rows, b, a, balance);
            if (aOutFits == bOutFits) {
                throw new StatementRefusedException("no header row, and two amount columns (" + names.label(a)
                        + " and " + names.label(b) + ") are filled in turn without signs or a running balance"
                        + " that tells which is money out and which money in");
            }
            aOut = aOutFits > bOutFits;
        }
        if (!aOut) {
            roles.put(ColumnRole.DEBIT, List.of(b));
            roles.put(ColumnRole.CREDIT, List.of(a));
        }
    }

    /** Rows whose balance moves by in minus out, reading the file top-down or bottom-up. */
    private static int balanceFits(List<CsvRow> rows, int out, int in, int balance) {
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> balances = new ArrayList<>();
        for (CsvRow row : rows) {
            amounts.add(plain(row.cell(in)).subtract(plain(row.cell(out))));
            balances.add(plain(row.cell(balance)));
        }
        int ascending = 0;
        int descending = 0;
        for (int i = 1; i < rows.size(); i++) {
            BigDecimal delta = balances.get(i).subtract(balances.get(i - 1));
            if (delta.compareTo(amounts.get(i)) == 0) {
                ascending++;
            }
            if (delta.negate().compareTo(amounts.get(i - 1)) == 0) {
                descending++;
            }
        }
        return Math.max(ascending, descending);
    }

    private static BigDecimal plain(String cell) {
        Optional<MoneyText> money = MoneyText.read(cell);
        if (money.isEmpty()) {
            return BigDecimal.ZERO;
        }
        char decimal = money.get().body().matches(".*,\\d{1,2}") ? ',' : '.';
        return money.get().value(decimal).orElse(BigDecimal.ZERO);
    }

    private static int first(Map<ColumnRole, List<Integer>> roles, ColumnRole role) {
        List<Integer> columns = roles.getOrDefault(role, List.of());
        return columns.isEmpty() ? -1 : columns.getFirst();
    }
}
