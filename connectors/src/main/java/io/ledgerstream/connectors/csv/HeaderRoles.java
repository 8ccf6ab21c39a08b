package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Column roles from a header row, each name checked against the column's content. */
final class HeaderRoles {

    private static final double MOST = 0.5;

    private HeaderRoles() {
    }

    /**
     * @param explicit the roles a profile names, which need not be found here
     * @throws StatementRefusedException if no column holds dates or amounts and the profile names none
     */
    static Map<ColumnRole, List<Integer>> of(List<String> names, List<ColumnProfile> profiles,
                                             Set<ColumnRole> explicit) {
        Map<ColumnRole, List<Integer>> roles = new EnumMap<>(ColumnRole.class);
        for (int column = 0; column < Math.min(names.size(), profiles.size()); column++) {
            ColumnProfile profile = profiles.get(column);
            int index = column;
            HeaderNames.roleOf(names.get(column)).filter(role -> fits(role, profile))
                    .ifPresent(role -> roles.computeIfAbsent(role, r -> new ArrayList<>()).add(index));
        }
        // a card export's purchase date ('Belegdatum', 'Transaction Date') gives way to its posting date
        List<Integer> bookings = roles.get(ColumnRole.BOOKING_DATE);
        if (bookings != null) {
            bookings.sort(Comparator.comparing(column -> !HeaderNames.isPostingDate(names.get(column))));
        }
        boolean dated = roles.containsKey(ColumnRole.BOOKING_DATE) || roles.containsKey(ColumnRole.VALUE_DATE);
        if (!dated && !ExplicitRoles.namesDate(explicit)) {
            throw new StatementRefusedException("no date column: no header name among " + names
                    + " names a column that holds dates; pass --csv date=NAME (a header name or a column number)");
        }
        boolean split = roles.containsKey(ColumnRole.DEBIT) || roles.containsKey(ColumnRole.CREDIT);
        if (!roles.containsKey(ColumnRole.AMOUNT) && !split && !ExplicitRoles.namesMoney(explicit)) {
            throw new StatementRefusedException("no amount column: no header name among " + names
                    + " names a column that holds amounts (an amount, or debit and credit columns); pass"
                    + " --csv amount=NAME, or --csv debit=NAME --csv credit=NAME (header names or column numbers)");
        }
        if (roles.containsKey(ColumnRole.AMOUNT) && split) {
            // a signed amount beside debit/credit columns says it all; an unsigned one says less
            boolean signed = profiles.get(roles.get(ColumnRole.AMOUNT).getFirst()).signed();
            if (signed) {
                roles.remove(ColumnRole.DEBIT);
                roles.remove(ColumnRole.CREDIT);
            } else {
                roles.remove(ColumnRole.AMOUNT);
            }
        }
        return roles;
    }

    private static boolean fits(ColumnRole role, ColumnProfile profile) {
        boolean noData = profile.rows() == 0;
        return switch (role) {
            // a named column keeps its role when most of it fits: a bad row is a problem, not a new layout
            case BOOKING_DATE, VALUE_DATE -> noData || profile.dateShare() >= MOST;
            case AMOUNT, DEBIT, CREDIT, BALANCE -> noData || profile.amountShare() >= MOST;
            case DIRECTION -> profile.isFlags();
            case CURRENCY -> profile.currencies();
            case TRANSACTION_ID -> !noData && profile.alwaysFilled() && profile.unique();
            case DESCRIPTION, PAYEE, STATUS -> true;
        };
    }
}
