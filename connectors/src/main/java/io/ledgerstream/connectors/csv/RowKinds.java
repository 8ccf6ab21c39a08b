package io.ledgerstream.connectors.csv;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Rows that are no booked transaction: pending rows, and balance, total and footer lines. */
final class RowKinds {

    static final String PENDING = "pending";
    static final String BALANCE_OR_TOTAL = "balance or total line";
    static final String NOT_A_TRANSACTION = "not a transaction (no date and no amount)";
    static final String CONTINUATION = "continuation line, joined to the transaction above";

    private static final List<String> PENDING_WORDS = List.of("pending", "vorgemerkt", "in behandeling",
            "en attente", "pendiente", "pendente", "authorised", "authorized", "hold");
    private static final List<String> BALANCE_WORDS = List.of("saldo", "opening balance", "closing balance",
            "balance brought forward", "balance carried forward", "balance b/f", "balance c/f", "total", "summe",
            "totaal", "anfangssaldo", "endsaldo", "kontostand", "solde", "starting balance", "ending balance",
            "turnover");

    private static final String BALANCE_INITIALS = BALANCE_WORDS.stream().map(word -> word.substring(0, 1))
            .distinct().collect(Collectors.joining());

    private RowKinds() {
    }

    /** Whether a date or status cell says the row is not booked yet ("Pending", "Umsatz vorgemerkt"). */
    static boolean isPending(String cell) {
        if (!hasLetter(cell)) { // a date or an amount, as in nearly every row: no word to look for
            return false;
        }
        String text = cell.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return false;
        }
        for (String word : PENDING_WORDS) {
            if (text.startsWith(word) || text.endsWith(word) && text.length() > word.length()
                    && text.charAt(text.length() - word.length() - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Whether a description says the row is a balance or a total rather than a transaction. */
    static boolean isBalanceOrTotal(String description) {
        String start = description.stripLeading();
        char first = start.isEmpty() ? ' ' : start.charAt(0);
        if (first < 0x80 && BALANCE_INITIALS.indexOf(Character.toLowerCase(first)) < 0) {
            return false; // most descriptions: none of the words starts with this letter
        }
        String text = description.strip().toLowerCase(Locale.ROOT);
        for (String word : BALANCE_WORDS) {
            if (text.startsWith(word) && (text.length() == word.length()
                    || text.charAt(word.length()) == ' ' || text.charAt(word.length()) == ':')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (Character.isLetter(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
