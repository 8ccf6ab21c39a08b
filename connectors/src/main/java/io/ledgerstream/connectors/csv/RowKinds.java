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

    static final List<String> PENDING_WORDS = List.of("pending", "vorgemerkt", "in behandeling",
            "en attente", "pendiente", "pendente", "authorised", "authorized", "hold");
    static final List<String> BALANCE_WORDS = List.of("saldo", "opening balance", "closing balance",
            "balance brought forward", "balance carried forward", "balance b/f", "balance c/f", "total", "summe",
            "totaal", "anfangssaldo", "endsaldo", "kontostand", "solde", "starting balance", "ending balance",
            "turnover");

    private static final String PENDING_INITIALS = ends(PENDING_WORDS, true);
    private static final String PENDING_FINALS = ends(PENDING_WORDS, false);
    private static final String BALANCE_INITIALS = ends(BALANCE_WORDS, true);
    private static final int LONGEST_BALANCE_WORD = BALANCE_WORDS.stream().mapToInt(String::length).max().orElseThrow();

    private RowKinds() {
    }

    /** Whether a date or status cell says the row is not booked yet ("Pending", "Umsatz vorgemerkt"). */
    static boolean isPending(String cell) {
        if (!hasLetter(cell)) { // a date or an amount, as in nearly every row: no word to look for
            return false;
        }
        String stripped = cell.strip();
        if (!mayStartOrEnd(stripped.charAt(0), PENDING_INITIALS)
                && !mayStartOrEnd(stripped.charAt(stripped.length() - 1), PENDING_FINALS)) {
            return false; // no word can start or end it: most description cells, without a lower-cased copy
        }
        String text = stripped.toLowerCase(Locale.ROOT);
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
        if (start.isEmpty() || !mayStartOrEnd(start.charAt(0), BALANCE_INITIALS)) {
            return false; // most descriptions: none of the words starts with this letter
        }
        String stripped = start.strip();
        // the words are short: where the head that can hold one is ASCII (whose lower case keeps
        // every character in place), it is compared letter by letter instead of lower-casing a copy
        int head = Math.min(stripped.length(), LONGEST_BALANCE_WORD + 1);
        if (isAscii(stripped, head)) {
            for (String word : BALANCE_WORDS) {
                if (startsWithLowerCased(stripped, word) && (stripped.length() == word.length()
                        || stripped.charAt(word.length()) == ' ' || stripped.charAt(word.length()) == ':')) {
                    return true;
                }
            }
            return false;
        }
        String text = stripped.toLowerCase(Locale.ROOT);
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

    /** The first letters of the words ({@code first}), or their last. */
    private static String ends(List<String> words, boolean first) {
        return words.stream().map(word -> String.valueOf(word.charAt(first ? 0 : word.length() - 1)))
                .distinct().collect(Collectors.joining());
    }

    /**
     * Whether a lower-cased text starting (or ending) with {@code c} may start (or end) with one of
     * the words whose first (or last) letters these are. Only ASCII is told here: lower-casing a
     * few other characters changes the text's length, and those take the full comparison.
     */
    private static boolean mayStartOrEnd(char c, String letters) {
        return c >= 0x80 || letters.indexOf(Character.toLowerCase(c)) >= 0;
    }

    /** Whether the text, its ASCII start lower-cased, starts with the lower-case word. */
    private static boolean startsWithLowerCased(String text, String word) {
        if (text.length() < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text, int length) {
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
