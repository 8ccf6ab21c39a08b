package io.ledgerstream.connectors.camt;

import io.ledgerstream.connectors.camt.EntryMapper.BookedEntry;
import io.ledgerstream.connectors.importer.ContentHashIds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The transaction ids of a file's booked entries, in file order.
 *
 * <p>An entry's id is the bank's reference ({@link EntryMapper#bankReference}) when no other booked
 * entry of the file has the same one. A reference that repeats does not identify an entry (banks
 * reuse {@code NtryRef} for every booking of one direct-debit run, for instance), so every entry
 * sharing it gets a {@link ContentHashIds} id over its content, the reference included: stable on
 * re-import, and two identical entries stay two. Entries without any reference get the same kind
 * of id.
 */
final class EntryIds {

    private EntryIds() {
    }

    /** One id per entry, same order. {@code accountIds} is each entry's account, same order. */
    static List<String> assign(List<BookedEntry> entries, List<String> accountIds) {
        Map<String, Integer> uses = new HashMap<>();
        entries.stream().map(BookedEntry::bankReference).filter(Objects::nonNull)
                .forEach(reference -> uses.merge(reference, 1, Integer::sum));
        ContentHashIds hashes = new ContentHashIds();
        String[] ids = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            BookedEntry entry = entries.get(i);
            if (entry.bankReference() != null && uses.get(entry.bankReference()) == 1) {
                ids[i] = entry.bankReference();
            } else {
                ids[i] = hashes.next(Arrays.asList(accountIds.get(i), entry.bookedAt(), entry.amount(),
                        entry.currency(), entry.description(), entry.merchant(), entry.bankReference()));
            }
        }
        return List.of(ids);
    }
}
