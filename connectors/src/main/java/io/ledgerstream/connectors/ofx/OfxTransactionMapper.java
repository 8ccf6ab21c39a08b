package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Maps one {@code STMTTRN} to a transaction, or to problems naming its line and element.
 *
 * <p>{@code transactionId} is {@code ACCTID + ":" + FITID}: OFX promises a FITID unique only within
 * its account, and real FITIDs are often short counters ("1", "0000486") that two accounts or two
 * banks reuse, so the account keeps them apart, the same whether an account is imported alone or in a
 * multi-account file. Without an account it is the FITID alone; a row with an empty FITID gets a
 * {@link ContentHashIds} id. The amount is {@code TRNAMT} as written (signed from the holder's view,
 * so a card charge is already negative); its currency is the row's {@code CURRENCY/CURSYM} where
 * present (OFX: the amount is in that currency), else the statement's.
 */
final class OfxTransactionMapper {

    private final String fileName;
    private final String userId;
    private final String source;
    private final ContentHashIds hashIds = new ContentHashIds();

    OfxTransactionMapper(String fileName, String userId, String source) {
        this.fileName = fileName;
        this.userId = userId;
        this.source = source;
    }

    void map(OfxElement row, String accountId, String statementCurrency, ParseResult.Builder result) {
        List<ImportProblem> problems = new ArrayList<>();
        String bookedAt = OfxValues.date(row, "DTPOSTED", fileName, problems);
        String amount = OfxValues.amount(row, "TRNAMT", fileName, problems);
        String currency = currency(row, statementCurrency, problems);
        if (!problems.isEmpty()) {
            result.problems(problems);
            return;
        }
        Optional<String> name = row.childText("NAME").or(() -> row.child("PAYEE").flatMap(p -> p.childText("NAME")))
                .map(OfxValues::singleSpaced);
        Optional<String> memo = row.childText("MEMO").map(OfxValues::singleSpaced);
        String description = description(name.orElse(""), memo.orElse(""));
        String merchant = name.orElse(null);
        String id = row.childText("FITID")
                .map(fitId -> accountId == null ? fitId : accountId + ":" + fitId)
                .orElseGet(() -> hashIds.next(Arrays.asList(accountId, bookedAt, amount, currency, description, merchant)));
        result.transaction(RawTransaction.newBuilder()
                .setTransactionId(id)
                .setUserId(userId)
                .setAccountId(accountId)
                .setBookedAt(bookedAt)
                .setAmount(amount)
                .setCurrency(currency)
                .setDescription(description)
                .setMerchant(merchant)
                .setMcc(null)
                .setRemoved(false)
                .setSource(source)
                .build());
    }

    private String currency(OfxElement row, String statementCurrency, List<ImportProblem> problems) {
        Optional<String> cursym = row.child("CURRENCY").flatMap(c -> c.childText("CURSYM"));
        if (cursym.isPresent()) {
            Optional<String> code = CurrencyCodes.normalize(cursym.get());
            if (code.isEmpty()) {
                problems.add(new ImportProblem(fileName, row.line(), "CURRENCY/CURSYM", "unknown currency",
                        "'" + cursym.get() + "' is not an ISO 4217 code"));
            }
            return code.orElse(null);
        }
        if (statementCurrency == null) {
            throw new StatementRefusedException("the statement has an empty CURDEF and the row at line " + row.line()
                    + " names no currency either; pass --currency with the account's ISO 4217 currency");
        }
        return statementCurrency;
    }

    /**
     * NAME and MEMO, single-spaced. Banks often repeat the (truncated) NAME inside MEMO
     * ("POS MERCHANDISE;MCDONALD'S #112"), or the MEMO inside the NAME; the repeat is dropped
     * rather than written twice.
     */
    static String description(String name, String memo) {
        if (name.isEmpty() || memo.contains(name)) {
            return memo;
        }
        if (memo.isEmpty() || name.contains(memo)) {
            return name;
        }
        return name + " " + memo;
    }
}
