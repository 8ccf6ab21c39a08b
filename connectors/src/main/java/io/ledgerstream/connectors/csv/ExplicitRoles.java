package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column roles a profile (or {@code --csv}) names, found in the file, and laid over the roles
 * detection found: a named role replaces the detected one (money columns as a group: an amount
 * replaces detected debit and credit columns and the reverse; dates likewise), and a column the
 * profile gives a role keeps no other.
 */
final class ExplicitRoles {

    private static final Set<ColumnRole> MONEY = Set.of(ColumnRole.AMOUNT, ColumnRole.DEBIT, ColumnRole.CREDIT);
    private static final Set<ColumnRole> DATES = Set.of(ColumnRole.BOOKING_DATE, ColumnRole.VALUE_DATE);

    private ExplicitRoles() {
    }

    /**
     * The 0-based columns of each role the profile names.
     *
     * @param width the widest data row
     * @throws StatementRefusedException if a named column is not in the header, or a number is past the rows' end
     */
    static Map<ColumnRole, List<Integer>> resolve(CsvProfile profile, HeaderRow header, int width) {
        Map<ColumnRole, List<Integer>> roles = new EnumMap<>(ColumnRole.class);
        List<String> names = header.names();
        int columns = Math.max(width, names.size());
        profile.columns().forEach((role, refs) -> {
            List<Integer> indexes = new ArrayList<>();
            for (ColumnRef ref : refs) {
                if (ref.named() && !header.present()) {
                    throw new StatementRefusedException(ref.origin() + " names the column " + ref
                            + ", but the file has no header row to find it in; name it by number instead");
                }
                int index = ref.indexIn(names);
                if (index < 0) {
                    throw new StatementRefusedException(ref.origin() + " expects a column " + ref + ", but the header"
                            + " row (line " + header.line() + ") has none: the columns are " + names
                            + "; the file is not this profile's export, or the bank renamed the column");
                }
                if (index >= columns) {
                    throw new StatementRefusedException(ref.origin() + " names column " + ref.number()
                            + ", but the rows have only " + columns + " columns");
                }
                if (!indexes.contains(index)) {
                    indexes.add(index);
                }
            }
            roles.put(role, indexes);
        });
        return roles;
    }

    /** Whether the profile names a column of each kind detection would otherwise have to find. */
    static boolean namesMoney(Set<ColumnRole> explicit) {
        return explicit.stream().anyMatch(MONEY::contains);
    }

    static boolean namesDate(Set<ColumnRole> explicit) {
        return explicit.stream().anyMatch(DATES::contains);
    }

    /** The detected roles with the explicit ones laid over them. */
    static Map<ColumnRole, List<Integer>> merge(Map<ColumnRole, List<Integer>> detected,
                                               Map<ColumnRole, List<Integer>> explicit) {
        Map<ColumnRole, List<Integer>> merged = new EnumMap<>(ColumnRole.class);
        Set<ColumnRole> named = explicit.keySet();
        List<Integer> taken = explicit.values().stream().flatMap(List::stream).toList();
        detected.forEach((role, indexes) -> {
            boolean replaced = named.contains(role) || (MONEY.contains(role) && namesMoney(named))
                    || (DATES.contains(role) && namesDate(named));
            List<Integer> free = indexes.stream().filter(index -> !taken.contains(index)).toList();
            if (!replaced && !free.isEmpty()) {
                merged.put(role, free);
            }
        });
        merged.putAll(explicit);
        return merged;
    }
}
