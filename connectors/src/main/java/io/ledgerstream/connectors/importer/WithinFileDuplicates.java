package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops rows a file repeats: the same transactionId with identical content as that id's latest
 * version so far (a bank export that lists a booking twice). Publishing it again would change
 * nothing, so it is published once and counted in the report.
 *
 * <p>Only the format's own id makes rows duplicates. Identical rows without a bank id have
 * different content-hash ids (hash plus occurrence) and both stay. The same id with different
 * content is a new version and stays; so does a return to an earlier version (A, B, A), because
 * dropping it would leave B as the latest.
 *
 * <p>One instance per file, fed its transactions in file order.
 */
final class WithinFileDuplicates {

    private final Map<String, RawTransaction> latest = new HashMap<>();

    /** Whether {@code transaction}, the file's next, repeats the latest version of its id; remembers it. */
    boolean repeats(RawTransaction transaction) {
        return transaction.equals(latest.put(transaction.getTransactionId(), transaction));
    }

    /** {@code transactions} in file order without the repeats. */
    static List<RawTransaction> drop(List<RawTransaction> transactions) {
        WithinFileDuplicates seen = new WithinFileDuplicates();
        List<RawTransaction> kept = new ArrayList<>(transactions.size());
        for (RawTransaction transaction : transactions) {
            if (!seen.repeats(transaction)) {
                kept.add(transaction);
            }
        }
        return kept;
    }
}
