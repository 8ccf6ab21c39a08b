package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.ImportProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Checks a split transaction: its {@code $} split amounts should add up to its total. A split
 * transaction stays one transaction for its total either way; a mismatch is reported, not dropped,
 * because the total is what left or reached the account.
 */
final class QifSplits {

    private QifSplits() {
    }

    /** A problem when the splits are unreadable or do not add up to {@code total}; empty otherwise. */
    static Optional<ImportProblem> check(QifRecord record, BigDecimal total, String file) {
        List<QifField> splits = record.splitAmounts();
        if (splits.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (QifField split : splits) {
            Optional<BigDecimal> amount = QifAmount.parse(split.value());
            if (amount.isEmpty()) {
                return Optional.of(new ImportProblem(file, record.line(), "$", "unparseable split amount",
                        "'" + split.value() + "' on line " + split.line() + "; the transaction is kept for its total "
                                + total.toPlainString()));
            }
            sum = sum.add(amount.get());
        }
        if (sum.compareTo(total) != 0) {
            return Optional.of(new ImportProblem(file, record.line(), "$", "splits do not add up",
                    "the " + splits.size() + " splits add up to " + sum.toPlainString() + " but the total is "
                            + total.toPlainString() + "; the transaction is kept for its total"));
        }
        return Optional.empty();
    }
}
