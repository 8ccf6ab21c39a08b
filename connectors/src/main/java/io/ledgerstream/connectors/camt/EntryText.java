package io.ledgerstream.connectors.camt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The description and merchant of one booked entry ({@code Ntry}), from its transaction details.
 *
 * <p>Description: for each {@code TxDtls} in order, its remittance information (the
 * {@code RmtInf/Ustrd} lines joined, else the {@code Strd/CdtrRefInf/Ref} references) and its
 * counterparty's name and an instructed amount in another currency, then the entry's
 * {@code AddtlNtryInf}; a part already said is not repeated, and white space is collapsed. A batch
 * entry without details says how many payments it holds ({@code Btch/NbOfTxs}).
 *
 * <p>Merchant: the counterparty, which is the creditor ({@code Cdtr}) of money going out and the
 * debtor ({@code Dbtr}) of money coming in; v08 and later nest the name in {@code Pty}. A reversal
 * ({@code RvslInd} true) undoes a payment in the other direction, so its details name the parties
 * of that original payment and the counterparty is the other side. A batch with several different
 * counterparties has no single merchant ({@code null}), nor has an entry that names none.
 */
final class EntryText {

    private final String description;
    private final String merchant;

    private EntryText(String description, String merchant) {
        this.description = description;
        this.merchant = merchant;
    }

    String description() {
        return description;
    }

    String merchant() {
        return merchant;
    }

    /**
     * @param moneyOut      whether the entry is a debit ({@code CdtDbtInd} DBIT)
     * @param reversal      whether the entry reverses an earlier payment
     * @param bookedCurrency the entry's currency, to tell which instructed amounts are foreign
     */
    static EntryText of(XmlElement entry, boolean moneyOut, boolean reversal, String bookedCurrency) {
        String counterpartyRole = moneyOut != reversal ? "Cdtr" : "Dbtr";
        Set<String> parts = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        List<XmlElement> details = entry.at("NtryDtls").map(d -> d.all("TxDtls")).orElse(List.of());
        for (XmlElement detail : details) {
            // one segment per payment, so a batch reads payment by payment
            List<String> segment = new ArrayList<>();
            remittance(detail).ifPresent(segment::add);
            Optional<String> name = counterpartyName(detail, counterpartyRole);
            name.ifPresent(segment::add);
            name.ifPresent(names::add);
            instructedForeignAmount(detail, bookedCurrency).ifPresent(segment::add);
            parts.add(singleSpaced(segment));
        }
        if (details.isEmpty()) {
            entry.textAt("NtryDtls", "Btch", "NbOfTxs")
                    .ifPresent(count -> parts.add("batch of " + count + " payments"));
        }
        entry.all("AddtlNtryInf").stream().map(XmlElement::text).forEach(parts::add);
        return new EntryText(singleSpaced(parts), names.size() == 1 ? names.iterator().next() : null);
    }

    private static Optional<String> remittance(XmlElement detail) {
        Optional<XmlElement> info = detail.child("RmtInf");
        if (info.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = info.get().all("Ustrd").stream().map(XmlElement::text).toList();
        if (lines.isEmpty()) {
            lines = info.get().all("Strd").stream()
                    .flatMap(structured -> structured.textAt("CdtrRefInf", "Ref").stream())
                    .toList();
        }
        String joined = singleSpaced(lines);
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    private static Optional<String> counterpartyName(XmlElement detail, String role) {
        return detail.at("RltdPties", role).flatMap(party -> party.textAt("Nm").or(() -> party.textAt("Pty", "Nm")))
                .map(EntryText::singleSpaced);
    }

    private static Optional<String> instructedForeignAmount(XmlElement detail, String bookedCurrency) {
        return detail.at("AmtDtls", "InstdAmt", "Amt")
                .filter(amount -> !bookedCurrency.equals(amount.attributes().get("Ccy")))
                .map(amount -> "(instructed " + amount.text().strip() + " " + amount.attributes().get("Ccy") + ")");
    }

    private static String singleSpaced(Iterable<String> parts) {
        // a part already said (the same payment twice in a batch, a name in every line) is said once
        Set<String> kept = new LinkedHashSet<>();
        for (String part : parts) {
            String spaced = singleSpaced(part);
            if (!spaced.isEmpty()) {
                kept.add(spaced);
            }
        }
        return String.join(" ", kept);
    }

    private static String singleSpaced(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
