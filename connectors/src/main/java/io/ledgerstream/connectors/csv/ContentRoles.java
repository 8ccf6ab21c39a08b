package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Column roles of a file without a header, from content alone: the first date column is the
 * booking date; amount columns are those that look like money (a sign, decimals or a currency
 * symbol, so check numbers and account numbers are not; a bare 0 is the side of a debit/credit pair
 * not taken); one always-filled amount column beside another is a running balance when it is the
 * rightmost; two amount columns filled in turn are money out and money in; a column of C/D-style
 * flags is the direction; the longest text is the description. Roles a profile names are not
 * looked for.
 */
final class ContentRoles {

    private ContentRoles() {
    }

    /**
     * @param explicit the roles a profile names, which need not be found here
     * @throws StatementRefusedException if the date or amount columns cannot be told and the profile names none
     */
    static Map<ColumnRole, List<Integer>> of(List<ColumnProfile> profiles, List<CsvRow> rows,
                                             Set<ColumnRole> explicit) {
        Map<ColumnRole, List<Integer>> roles = new EnumMap<>(ColumnRole.class);
        List<ColumnProfile> dates = profiles.stream().filter(p -> p.dates() && p.filled() * 2 >= p.rows()).toList();
        if (!dates.isEmpty()) {
            roles.put(ColumnRole.BOOKING_DATE, List.of(dates.getFirst().index()));
        } else if (!ExplicitRoles.namesDate(explicit)) {
            throw new StatementRefusedException("no header row and no column that holds dates in most rows"
                    + " (looked at " + rows.size() + " rows): cannot tell the date column; pass --csv date=N");
        }
        if (!ExplicitRoles.namesMoney(explicit)) {
            money(profiles, roles);
        }
        profiles.stream().filter(p -> !p.dates() && !p.moneyLike() && p.isFlags()).findFirst()
                .ifPresent(p -> roles.put(ColumnRole.DIRECTION, List.of(p.index())));
        profiles.stream().filter(p -> !p.dates() && !p.moneyLike() && p.filled() > 0 && p.currencies()).findFirst()
                .ifPresent(p -> roles.put(ColumnRole.CURRENCY, List.of(p.index())));
        profiles.stream()
                .filter(p -> !p.dates() && !p.moneyLike() && !p.isFlags() && !p.currencies() && p.averageLength() > 0)
                .max(Comparator.comparingDouble(ColumnProfile::averageLength))
                .ifPresent(p -> roles.put(ColumnRole.DESCRIPTION, List.of(p.index())));
        return roles;
    }

    private static void money(List<ColumnProfile> profiles, Map<ColumnRole, List<Integer>> roles) {
        List<ColumnProfile> money = profiles.stream().filter(p -> !p.dates() && p.moneyLike()).toList();
        List<ColumnProfile> always = money.stream().filter(ColumnProfile::alwaysMoney).toList();
        List<ColumnProfile> partial = money.stream().filter(p -> !p.alwaysMoney()).toList();
        if (partial.size() == 2 && always.size() <= 1) {
            roles.put(ColumnRole.DEBIT, List.of(partial.get(0).index()));
            roles.put(ColumnRole.CREDIT, List.of(partial.get(1).index()));
            always.forEach(p -> roles.put(ColumnRole.BALANCE, List.of(p.index())));
        } else if (partial.isEmpty() && always.size() == 1) {
            roles.put(ColumnRole.AMOUNT, List.of(always.getFirst().index()));
        } else if (partial.isEmpty() && always.size() == 2) {
            roles.put(ColumnRole.AMOUNT, List.of(always.get(0).index()));
            roles.put(ColumnRole.BALANCE, List.of(always.get(1).index()));
        } else if (partial.size() == 1 && always.isEmpty()) {
            roles.put(ColumnRole.AMOUNT, List.of(partial.getFirst().index()));
        } else {
            throw new StatementRefusedException("no header row, and the amount columns cannot be told by content: "
                    + (money.isEmpty() ? "no column looks like money" : "columns " + numbers(money)
                    + " look like money, which fits neither one amount (with perhaps a balance) nor a debit and a"
                    + " credit column") + "; pass --csv amount=N, or --csv debit=N --csv credit=N");
        }
    }

    private static String numbers(List<ColumnProfile> profiles) {
        List<String> numbers = new ArrayList<>();
        profiles.forEach(p -> numbers.add(String.valueOf(p.index() + 1)));
        return String.join(", ", numbers);
    }
}
