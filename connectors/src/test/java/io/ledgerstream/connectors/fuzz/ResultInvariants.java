package io.ledgerstream.connectors.fuzz;

import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What every parse result must be, whatever the input: each transaction has an id and a user, an
 * amount that is a plain decimal (which {@code new BigDecimal} reads exactly), a booking date in ISO
 * form that exists, and a currency of three capital letters; each problem points at a line (1-based)
 * and names its reason. These are the shapes the topology's validation expects: a transaction that
 * breaks one would become a dead letter there instead of an import problem with its line here.
 */
final class ResultInvariants {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private ResultInvariants() {
    }

    /** @throws AssertionError naming the broken invariant and the transaction or problem */
    static void check(ParseResult result) {
        require(result.rowsRead() >= 0, "rowsRead is negative", result.rowsRead());
        result.transactions().forEach(ResultInvariants::check);
        result.problems().forEach(ResultInvariants::check);
    }

    private static void check(RawTransaction transaction) {
        require(isPresent(transaction.getTransactionId()), "transaction without an id", transaction);
        require(isPresent(transaction.getUserId()), "transaction without a user", transaction);
        require(PLAIN_DECIMAL.matcher(transaction.getAmount()).matches(), "amount is not a plain decimal", transaction);
        require(isIsoDate(transaction.getBookedAt()), "bookedAt is not an ISO date that exists", transaction);
        require(CURRENCY_CODE.matcher(transaction.getCurrency()).matches(), "currency is not three capital letters",
                transaction);
    }

    private static void check(ImportProblem problem) {
        require(problem.line() >= 1, "problem line is not 1-based", problem);
        require(isPresent(problem.reason()), "problem without a reason", problem);
    }

    private static boolean isIsoDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(boolean holds, String broken, Object subject) {
        if (!holds) {
            throw new AssertionError(broken + ": " + subject);
        }
    }
}
