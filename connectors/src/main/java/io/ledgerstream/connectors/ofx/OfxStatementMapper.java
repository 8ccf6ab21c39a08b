package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps one bank ({@code STMTRS}) or credit-card ({@code CCSTMTRS}) statement: its account
 * ({@code BANKACCTFROM}/{@code CCACCTFROM} {@code ACCTID}, else {@code --account}), its default
 * currency ({@code CURDEF}, else {@code --currency} when CURDEF is empty) and the rows of its
 * {@code BANKTRANLIST}. Pending rows ({@code STMTTRNP} in a {@code BANKTRANLISTP}, OFX 2.1.1+, and
 * {@code TRNTYPE HOLD}) are counted as skipped; balances ({@code LEDGERBAL}, {@code AVAILBAL}) are not rows.
 */
final class OfxStatementMapper {

    static final String SKIPPED_PENDING = "pending (STMTTRNP)";
    static final String SKIPPED_HOLD = "pending (TRNTYPE HOLD)";

    private final ImportOptions options;
    private final OfxTransactionMapper rows;

    OfxStatementMapper(ImportOptions options, OfxTransactionMapper rows) {
        this.options = options;
        this.rows = rows;
    }

    void map(OfxElement statement, ParseResult.Builder result) {
        String accountId = statement.child("BANKACCTFROM").or(() -> statement.child("CCACCTFROM"))
                .flatMap(account -> account.childText("ACCTID"))
                .orElse(options.accountId());
        String currency = defaultCurrency(statement);
        statement.child("BANKTRANLIST").ifPresent(list -> list.children().stream()
                .filter(row -> row.name().equals("STMTTRN"))
                .forEach(row -> {
                    result.rowRead();
                    if (isHold(row)) {
                        result.skipped(SKIPPED_HOLD);
                    } else {
                        rows.map(row, accountId, currency, result);
                    }
                }));
        statement.child("BANKTRANLISTP").ifPresent(list -> list.children().stream()
                .filter(row -> row.name().equals("STMTTRNP"))
                .forEach(row -> result.rowRead().skipped(SKIPPED_PENDING)));
    }

    /** CURDEF, or {@code --currency} when it is empty; {@code null} when neither (refused once a row needs it). */
    private String defaultCurrency(OfxElement statement) {
        Optional<String> written = statement.childText("CURDEF");
        if (written.isEmpty()) {
            return options.currency();
        }
        return CurrencyCodes.normalize(written.get()).orElseThrow(() -> new StatementRefusedException(
                "the statement at line " + statement.line() + " has CURDEF '" + written.get()
                        + "', which is not an ISO 4217 currency code"));
    }

    private static boolean isHold(OfxElement row) {
        return row.childText("TRNTYPE").map(type -> type.toUpperCase(Locale.ROOT).equals("HOLD")).orElse(false);
    }
}
