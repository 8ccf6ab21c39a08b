package io.ledgerstream.connectors.qif;

import java.util.Locale;

/** What the records under a QIF {@code !} header are. */
enum QifSection {

    /** {@code !Type:Bank}, {@code CCard}, {@code Cash}, {@code Oth A}, {@code Oth L}: imported. */
    TRANSACTIONS,
    /** {@code !Type:Invst}: investment transactions, skipped and counted. */
    INVESTMENT,
    /** {@code !Account}: an account record whose N line names the account of what follows. */
    ACCOUNT,
    /** Lists and metadata ({@code !Type:Cat}, {@code Class}, {@code Security}, {@code Memorized}, ...): not transactions. */
    LIST,
    /** {@code !Option:*} and {@code !Clear:*}: flags that leave the current section as it is. */
    FLAG;

    /** The section a header line ({@code !Type:Bank}, {@code !Account}, ...) opens. */
    static QifSection of(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("!option:") || h.startsWith("!clear:")) {
            return FLAG;
        }
        if (h.equals("!account")) {
            return ACCOUNT;
        }
        if (!h.startsWith("!type:")) {
            return LIST;
        }
        // "Oth A" is sometimes written without its space
        String type = h.substring("!type:".length()).replace(" ", "");
        return switch (type) {
            case "bank", "ccard", "cash", "otha", "othl" -> TRANSACTIONS;
            case "invst" -> INVESTMENT;
            default -> LIST;
        };
    }
}
