package io.ledgerstream.topology.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a readable merchant name. A merchant the feed names is kept (spaces tidied); otherwise one
 * is derived from the redacted description: leading payment-method words (CARD, POS, SEPA,
 * PAYPAL *, …), masked numbers, dates and other numbers before the name are skipped, the name ends
 * at the first number after it (a store number, a date, a reference), and its first few words are
 * written in title case: {@code "CARD ****1234 TESCO STORES 3297"} gives "Tesco Stores".
 */
public final class MerchantNormalizer {

    private static final int MAX_WORDS = 3;
    private static final Set<String> PREFIXES = Set.of("card", "debit", "credit", "pos", "sepa", "paypal", "visa",
            "mastercard", "maestro", "contactless", "purchase", "payment", "to", "from", "at", "dd", "so", "bgc",
            "fps", "ec", "girocard", "kartenzahlung", "lastschrift", "basislastschrift", "ref", "transaction", "txn");
    /** A token without letters (numbers, dates, times, amounts) or a masked number. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[^\\p{L}]*\\d[^\\p{L}]*|\\*+\\d*|#\\d+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.'&]+$");

    private MerchantNormalizer() {
    }

    /** The merchant to show, or null when neither field yields one. */
    public static String normalize(String merchant, String redactedDescription) {
        if (merchant != null && !merchant.isBlank()) {
            return merchant.strip().replaceAll("\\s+", " ");
        }
        return redactedDescription == null ? null : fromDescription(redactedDescription);
    }

    static String fromDescription(String description) {
        List<String> words = new ArrayList<>();
        for (String token : description.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (NUMBER_LIKE.matcher(token).matches()) {
                if (!words.isEmpty()) {
                    break;
                }
                continue;
            }
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (word.isEmpty() || (words.isEmpty() && isPrefix(word))) {
                continue;
            }
            words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
            if (words.size() == MAX_WORDS) {
                break;
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** A payment-method word, alone or hyphenated with others ("sepa-lastschrift"). */
    private static boolean isPrefix(String word) {
        for (String part : word.split("-")) {
            if (!PREFIXES.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
