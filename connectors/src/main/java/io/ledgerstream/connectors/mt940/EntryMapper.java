package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns parsed entries into {@link RawTransaction}s. Description: what {@code :86:} says (posting
 * text, name and remittance where its structure is known, else its text single-spaced), preceded by
 * the name written on the {@code :61:} line itself (Rabobank) when {@code :86:} does not repeat it;
 * the supplementary details of {@code :61:} only when there is no {@code :86:} text at all.
 * Merchant: the counterparty name where the bank's structure has one, else null.
 */
final class EntryMapper {

    private final String fileName;
    private final ImportOptions options;

    EntryMapper(String fileName, ImportOptions options) {
        this.fileName = fileName;
        this.options = options;
    }

    List<RawTransaction> map(List<ParsedEntry> entries) {
        EntryIds ids = new EntryIds(entries);
        List<RawTransaction> transactions = new ArrayList<>(entries.size());
        for (ParsedEntry entry : entries) {
            String description = description(entry);
            EntryLine line = entry.line();
            String merchant = entry.counterparty().name() != null ? entry.counterparty().name() : line.inlineName();
            transactions.add(RawTransaction.newBuilder()
                    .setTransactionId(ids.next(entry, description))
                    .setUserId(options.userId())
                    .setAccountId(entry.account())
                    .setBookedAt(line.bookedAt().toString())
                    .setAmount(line.amount().toPlainString())
                    .setCurrency(entry.currency())
                    .setDescription(description)
                    .setMerchant(merchant)
                    .setMcc(null)
                    .setRemoved(false)
                    .setSource(Mt940Parser.SOURCE_PREFIX + fileName)
                    .build());
        }
        return transactions;
    }

    private static String description(ParsedEntry entry) {
        String text = entry.counterparty().description();
        String inlineName = entry.line().inlineName();
        if (inlineName != null && !text.toUpperCase(Locale.ROOT).contains(inlineName.toUpperCase(Locale.ROOT))) {
            text = text.isEmpty() ? inlineName : inlineName + " " + text;
        }
        if (text.isEmpty() && entry.line().supplementary() != null) {
            text = entry.line().supplementary();
        }
        return InformationText.singleSpaced(text);
    }
}
