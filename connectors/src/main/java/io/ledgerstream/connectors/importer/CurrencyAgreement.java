package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@code --currency} the user gave must agree with the currency the statement itself states: a
 * disagreement means the wrong file or the wrong flag, and guessing which would misstate money.
 * Fed a file's transactions, this counts those stating another currency, to refuse the file naming them.
 */
final class CurrencyAgreement {

    private final String given;
    private final Map<String, Long> others = new TreeMap<>();

    /** @param given the user's {@code --currency}, or {@code null}: then every currency agrees */
    CurrencyAgreement(String given) {
        this.given = given;
    }

    /** Counts {@code transaction} when it states another currency. */
    void check(RawTransaction transaction) {
        if (given != null && !given.equals(transaction.getCurrency())) {
            others.merge(transaction.getCurrency(), 1L, Long::sum);
        }
    }

    /** Whether some transaction so far disagreed. */
    boolean broken() {
        return !others.isEmpty();
    }

    /** @throws StatementRefusedException naming the currencies the file states and how often, if any disagreed */
    void confirm() {
        if (broken()) {
            throw new StatementRefusedException("the statement states " + others.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " transaction)" : " transactions)"))
                    .collect(Collectors.joining(", ")) + " but --currency says " + given
                    + "; leave --currency out to take the file's currencies, or check that this is the right file");
        }
    }
}
