package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides how a layout's amounts say money out from money in.
 *
 * <ul>
 *   <li>One amount column with minus signs: as written, unless a flag column contradicts the signs on most
 *       rows (a credit-card export writing purchases positive and flagged DEBIT): then inverted.
 *   <li>One amount column with no minus: the flag column decides; without one, when some amounts carry
 *       a plus, the unsigned ones are money out; when none carries a sign, the file is refused.
 *   <li>Debit and credit columns: named by the header or a profile, else told apart by which holds
 *       negatives, else by the running balance (ascending or descending); else the file is refused.
 * </ul>
 * A profile's {@code sign} is taken as stated, once it is checked to fit the columns.
 */
final class SignRules {

    private static final Pattern DECIMAL_COMMA = Pattern.compile(".*,\\d{1,2}");

    private SignRules() {
    }

    /**
     * @param named whether a profile named the money columns, so a pair of them needs no ordering
     * @param flags the words of the flag column
     */
    static SignConvention of(Map<ColumnRole, List<Integer>> roles, List<ColumnProfile> profiles, List<CsvRow> rows,
                             LayoutDetector.Detected names, boolean named, DirectionFlag flags) {
        int flag = first(roles, ColumnRole.DIRECTION);
        if (roles.containsKey(ColumnRole.AMOUNT)) {
            int amount = first(roles, ColumnRole.AMOUNT);
            ColumnProfile profile = profiles.get(amount);
            if (profile.negative()) {
                return flag >= 0 && flagContradictsSigns(rows, amount, flag, flags) ? SignConvention.INVERTED
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
                    + " no column flags debit or credit: cannot tell money out from money in; pass --csv sign=inverted"
                    + " if they are money out (a card's purchases), --csv sign=as-written if they are money in,"
                    + " --csv flag=N for a debit/credit flag column, or --csv debit=N --csv credit=N");
        }
        if (!named && names.headerNames().isEmpty() && roles.containsKey(ColumnRole.DEBIT)
                && roles.containsKey(ColumnRole.CREDIT)) {
            orderHeaderlessPair(roles, profiles, rows, names);
        }
        return SignConvention.DEBIT_CREDIT_COLUMNS;
    }

    /**
     * Refuses a stated sign convention that the columns cannot serve.
     *
     * @throws StatementRefusedException naming the missing column and the option that adds it
     */
    static SignConvention check(SignConvention sign, Map<ColumnRole, List<Integer>> roles) {
        boolean amount = roles.containsKey(ColumnRole.AMOUNT);
        boolean pair = roles.containsKey(ColumnRole.DEBIT) || roles.containsKey(ColumnRole.CREDIT);
        if (sign == SignConvention.DEBIT_CREDIT_COLUMNS && !pair) {
            throw new StatementRefusedException("sign=debit-credit needs debit and credit columns:"
                    + " pass --csv debit=N --csv credit=N");
        }
        if (sign != SignConvention.DEBIT_CREDIT_COLUMNS && !amount) {
            throw new StatementRefusedException("sign=" + sign.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + " needs one amount column: pass --csv amount=N");
        }
        if (sign == SignConvention.FLAG && !roles.containsKey(ColumnRole.DIRECTION)) {
            throw new StatementRefusedException("sign=flag needs a debit/credit flag column: pass --csv flag=N");
        }
        return sign;
    }

    private static boolean flagContradictsSigns(List<CsvRow> rows, int amount, int flag, DirectionFlag flags) {
        int agree = 0;
        int disagree = 0;
        for (CsvRow row : rows) {
            Optional<Boolean> out = flags.read(row.cell(flag));
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
                        + " that tells which is money out and which money in; pass --csv debit=" + (a + 1)
                        + " --csv credit=" + (b + 1) + " or --csv debit=" + (b + 1) + " --csv credit=" + (a + 1));
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
        char decimal = DECIMAL_COMMA.matcher(money.get().body()).matches() ? ',' : '.';
        return money.get().value(decimal).orElse(BigDecimal.ZERO);
    }

    private static int first(Map<ColumnRole, List<Integer>> roles, ColumnRole role) {
        List<Integer> columns = roles.getOrDefault(role, List.of());
        return columns.isEmpty() ? -1 : columns.getFirst();
    }
}
