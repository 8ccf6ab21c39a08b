package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.ContentHashIds;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transaction ids for a file's entries. The bank's own id is the reference of the account servicing
 * institution, after '//' in {@code :61:}, when it is there, is not NONREF, and occurs once in the
 * file (one sample repeats '55555' on two different entries, so a repeated one is no id).
 *
 * <p>The customer reference (before '//') is deliberately not used as an id, although it is unique
 * within some files: in the samples it is the counterparty's account (Rabobank, ASN), a merchant
 * name (ING 'TMG TANGO'), a time stamp (Knab), a cheque or standing order number; the same value
 * comes back in the next month's statement, and as an id it would make that month's entry replace
 * this one. Every other entry gets a {@link ContentHashIds} id over account, dates, signed amount,
 * currency, type code, both references and the description, so re-importing gives the same ids and
 * two identical entries stay two.
 */
final class EntryIds {

    private static final String NONREF = "NONREF";

    private final Map<String, Integer> bankRefCounts = new HashMap<>();
    private final ContentHashIds hashes = new ContentHashIds();

    EntryIds(List<ParsedEntry> entries) {
        for (ParsedEntry entry : entries) {
            String ref = usable(entry.line().bankRef());
            if (ref != null) {
                bankRefCounts.merge(ref, 1, Integer::sum);
            }
        }
    }

    /** The id of the next entry, fed in file order. */
    String next(ParsedEntry entry, String description) {
        String ref = usable(entry.line().bankRef());
        if (ref != null && bankRefCounts.get(ref) == 1) {
            return ref;
        }
        EntryLine line = entry.line();
        return hashes.next(List.of(
                String.valueOf(entry.account()), line.valueDate().toString(), line.bookedAt().toString(),
                line.amount().toPlainString(), entry.currency(), line.typeCode(), line.customerRef(),
                String.valueOf(line.bankRef()), description));
    }

    private static String usable(String bankRef) {
        if (bankRef == null || bankRef.isBlank() || bankRef.strip().toUpperCase(Locale.ROOT).equals(NONREF)) {
            return null;
        }
        return bankRef.strip();
    }
}
