package io.ledgerstream.connectors.qif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One QIF record (the lines up to a {@code ^}), with the section it sits in and the account the
 * last {@code !Account} block named.
 *
 * <p>Split lines ({@code S}, {@code E}, {@code $}, {@code %}) and any {@code D} after the first
 * {@code S} (some writers, quiffen among them, date each split) belong to the splits, never to the
 * transaction itself.
 *
 * @param section the section kind
 * @param account the account named by the last {@code !Account} record, or {@code null}
 * @param line    the 1-based line the record starts on
 * @param fields  the record's lines in file order
 */
record QifRecord(QifSection section, String account, int line, List<QifField> fields) {

    QifRecord {
        fields = List.copyOf(fields);
    }

    /** The first value of a transaction-level field, outside the splits. */
    Optional<String> first(char code) {
        boolean inSplits = false;
        for (QifField field : fields) {
            if (field.code() == 'S') {
                inSplits = true;
            }
            if (inSplits && isSplitCode(field.code())) {
                continue;
            }
            if (field.code() == code) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The split amount lines ({@code $}), in file order. */
    List<QifField> splitAmounts() {
        List<QifField> amounts = new ArrayList<>();
        for (QifField field : fields) {
            if (field.code() == '$') {
                amounts.add(field);
            }
        }
        return amounts;
    }

    /**
     * Whether this is Quicken's opening-balance record: payee "Opening Balance" and a transfer
     * category naming the account itself ({@code L[Checking]}). A balance, not a transaction.
     */
    boolean isOpeningBalance() {
        boolean payee = first('P').map(p -> p.equalsIgnoreCase("Opening Balance")).orElse(false);
        boolean transfer = first('L').map(l -> l.startsWith("[") && l.endsWith("]")).orElse(false);
        return payee && transfer;
    }

    private static boolean isSplitCode(char code) {
        return code == 'S' || code == 'E' || code == '$' || code == '%' || code == 'D';
    }
}
