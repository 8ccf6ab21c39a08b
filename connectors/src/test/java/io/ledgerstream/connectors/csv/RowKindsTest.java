package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word checks against the plain reading they took short cuts from (lower-case the whole cell,
 * compare every word of the same lists), on generated cells mixing the words with other text, case and characters
 * whose lower case is longer ({@code İ}) or depends on context ({@code Σ}).
 */
class RowKindsTest {

    @Test
    void tellsEveryGeneratedCellAsTheFullComparisonDoes() {
        Random random = new Random(20261124);
        String[] pieces = {"Pending", "HOLD", "hold", "Umsatz vorgemerkt", "In Behandeling", "Total", "SALDO",
                "Opening Balance", "balance b/f", "Kontostand", "turnover", "TESCO", "card", " ", ":", "12", "-3.50",
                "İ", "Σ", "é", "x", "\t", "/"};
        int pending = 0;
        int balance = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder cell = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                cell.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = cell.toString();
            assertThat(RowKinds.isPending(text)).as("pending '%s'", text).isEqualTo(isPending(text));
            assertThat(RowKinds.isBalanceOrTotal(text)).as("balance '%s'", text).isEqualTo(isBalanceOrTotal(text));
            assertThat(DirectionFlag.isOut(text)).as("flag '%s'", text).isEqualTo(DirectionFlag.USUAL.read(text));
            pending += isPending(text) ? 1 : 0;
            balance += isBalanceOrTotal(text) ? 1 : 0;
        }
        assertThat(pending).isGreaterThan(10_000);
        assertThat(balance).isGreaterThan(10_000);
    }

    private static boolean isPending(String cell) {
        String text = cell.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return false;
        }
        for (String word : RowKinds.PENDING_WORDS) {
            if (text.startsWith(word) || text.endsWith(word) && text.length() > word.length()
                    && text.charAt(text.length() - word.length() - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBalanceOrTotal(String description) {
        String text = description.strip().toLowerCase(Locale.ROOT);
        for (String word : RowKinds.BALANCE_WORDS) {
            if (text.startsWith(word) && (text.length() == word.length()
                    || text.charAt(word.length()) == ' ' || text.charAt(word.length()) == ':')) {
                return true;
            }
        }
        return false;
    }
}
