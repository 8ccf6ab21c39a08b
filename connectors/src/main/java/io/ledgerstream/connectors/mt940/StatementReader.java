package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups fields into statements: {@code :20:} opens one, {@code :25:} names its account, the
 * opening balance gives its currency, each {@code :61:} is an entry and the {@code :86:} fields right
 * after it belong to it. A {@code :86:} after the closing balance is information for the statement as
 * a whole and is not a transaction's. Balance fields are counted as skipped "balance line".
 * MT942 interim reports ({@code :34F:} floor limit, {@code :13D:} date-time, {@code :90D:}/{@code :90C:}
 * totals) are refused: DESIGN.md counts them as interim reports, not statements.
 */
final class StatementReader {

    static final String BALANCE_LINE = "balance line";

    private static final Set<String> BALANCES = Set.of("60F", "60M", "62F", "62M", "64", "65");
    private static final Set<String> INTERIM = Set.of("34F", "13D", "13", "90D", "90C");

    private StatementReader() {
    }

    static List<Mt940Statement> read(List<Mt940Field> fields, ParseResult.Builder result) {
        List<Mt940Statement> statements = new ArrayList<>();
        Mt940Statement current = null;
        Mt940Statement.Entry entry = null;
        for (Mt940Field field : fields) {
            String tag = field.tag();
            if (INTERIM.contains(tag)) {
                throw new StatementRefusedException("this is an MT942 interim report (field :" + tag + ": on line "
                        + field.line() + "), not an MT940 statement: its entries are not final; import the "
                        + "end-of-day MT940 statement instead");
            }
            if (tag.equals("20") || (current == null && (tag.equals("61") || tag.equals("25")))) {
                current = new Mt940Statement();
                statements.add(current);
                entry = null;
            }
            switch (tag) {
                case "25" -> current.account(field.spaced());
                case "61" -> {
                    result.rowRead();
                    entry = new Mt940Statement.Entry(field);
                    current.entries().add(entry);
                }
                case "86" -> {
                    if (entry != null) {
                        entry.information().add(field);
                    }
                }
                default -> {
                    if (BALANCES.contains(tag) && current != null) {
                        result.rowRead();
                        result.skipped(BALANCE_LINE);
                        if (tag.startsWith("60") && current.opening() == null) {
                            Balance.parse(field.firstLine()).ifPresent(current::opening);
                        }
                    }
                    entry = null;
                }
            }
        }
        return statements;
    }
}
