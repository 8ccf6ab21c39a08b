package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.List;
import java.util.Set;

/**
 * Finds the bank and credit-card statements ({@code STMTRS}, {@code CCSTMTRS}) of an OFX document,
 * and refuses the file when it holds none: a failed sign-on, an error response (a
 * {@code STMTTRNRS} whose {@code STATUS} is an error and that carries no statement), an
 * investment-only file, or anything else without a statement. An empty statement is still a statement.
 *
 * @param statements     every statement, in file order
 * @param failedRequests statement requests the bank answered with an error, beside real statements
 * @param investment     investment statements ({@code INVSTMTRS}) left out beside real statements
 */
record OfxResponses(List<OfxElement> statements, List<OfxElement> failedRequests, int investment) {

    static final Set<String> STATEMENTS = Set.of("STMTRS", "CCSTMTRS");
    private static final Set<String> REQUEST_WRAPPERS = Set.of("STMTTRNRS", "CCSTMTTRNRS");
    private static final Set<String> INVESTMENT = Set.of("INVSTMTRS");
    private static final Set<String> SIGN_ON = Set.of("SONRS");

    /** @throws StatementRefusedException when the document holds no bank or card statement */
    static OfxResponses find(OfxElement document) {
        for (OfxElement signOn : document.descendants(SIGN_ON)) {
            OfxStatus.of(signOn).filter(OfxStatus::isError).ifPresent(status -> {
                throw new StatementRefusedException("OFX error response: the bank refused the sign-on with "
                        + status.describe() + " (line " + status.line() + "); the file holds no statement");
            });
        }
        List<OfxElement> statements = document.descendants(STATEMENTS);
        List<OfxElement> failed = document.descendants(REQUEST_WRAPPERS).stream()
                .filter(wrapper -> wrapper.descendants(STATEMENTS).isEmpty())
                .filter(wrapper -> OfxStatus.of(wrapper).map(OfxStatus::isError).orElse(false))
                .toList();
        int investment = document.descendants(INVESTMENT).size();
        if (!statements.isEmpty()) {
            return new OfxResponses(statements, failed, investment);
        }
        if (!failed.isEmpty()) {
            OfxStatus status = OfxStatus.of(failed.get(0)).orElseThrow();
            throw new StatementRefusedException("OFX error response: the bank answered the statement request with "
                    + status.describe() + " (line " + status.line() + ") and sent no statement");
        }
        if (investment > 0) {
            throw new StatementRefusedException("investment-only OFX: it holds " + investment
                    + " investment statement(s) (INVSTMTRS) and no bank or credit-card statement");
        }
        throw new StatementRefusedException("no bank or credit-card statement (STMTRS or CCSTMTRS) in this OFX file");
    }
}
