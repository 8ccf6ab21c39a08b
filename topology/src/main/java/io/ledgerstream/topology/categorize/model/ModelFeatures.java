package io.ledgerstream.topology.categorize.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a transaction into the sparse binary features the model reads, hashed into a fixed space
 * (the hashing trick: no vocabulary to ship or keep in step with the model):
 *
 * <ul>
 *   <li>the words of the description and of the merchant, lower case, each apart ({@code w:} and
 *       {@code m:}); a word with digits is a number or a reference and says nothing;
 *   <li>the character 3- and 4-grams of those words with their edges ({@code ^tes}, {@code co$}),
 *       so "Tescos" and "Tesco" and a truncated "SAINSBURYS S/MKT" still share most features;
 *   <li>the direction and the size of the amount in a few buckets (a 4.50 coffee and a 950.00 rent);
 *   <li>the MCC, and its first two digits (the MCC's group), where present.
 * </ul>
 * The hash is {@link String#hashCode}, which the Java specification fixes, so a model trained on
 * one machine reads the same features on every other.
 */
public final class ModelFeatures {

    /** The size of the feature space: 2^16, small enough to ship a model, large enough for few collisions. */
    public static final int DIMENSION = 1 << 16;

    private static final BigDecimal[] BUCKETS = {new BigDecimal("5"), new BigDecimal("20"), new BigDecimal("50"),
            new BigDecimal("150"), new BigDecimal("500"), new BigDecimal("2000")};
    private static final int WORD = "w:".hashCode();
    private static final int MERCHANT_WORD = "m:".hashCode();
    private static final int GRAM = "c:".hashCode();
    private static final int MONEY_OUT = "d:out".hashCode();
    private static final int MONEY_IN = "d:in".hashCode();
    /** {@code a:out:<bucket>} and {@code a:in:<bucket>} by bucket. */
    private static final int[] AMOUNT_OUT = new int[BUCKETS.length + 1];
    private static final int[] AMOUNT_IN = new int[BUCKETS.length + 1];

    static {
        for (int bucket = 0; bucket <= BUCKETS.length; bucket++) {
            AMOUNT_OUT[bucket] = ("a:out:" + bucket).hashCode();
            AMOUNT_IN[bucket] = ("a:in:" + bucket).hashCode();
        }
    }

    private ModelFeatures() {
    }

    /** The input's feature indexes, ascending and distinct. */
    public static int[] of(ModelInput input) {
        IndexSet features = new IndexSet();
        words(WORD, input.description(), features);
        if (input.merchant() != null) {
            words(MERCHANT_WORD, input.merchant(), features);
        }
        boolean out = input.amount().signum() < 0;
        features.put(out ? MONEY_OUT : MONEY_IN);
        features.put((out ? AMOUNT_OUT : AMOUNT_IN)[bucket(input.amount().abs())]);
        if (input.mcc() != null && input.mcc().length() == 4) {
            features.put(("mcc:" + input.mcc()).hashCode());
            features.put(("mcc2:" + input.mcc().substring(0, 2)).hashCode());
        }
        return features.sorted();
    }

    /**
     * The words of {@code text} as the regular expression {@code [^\p{L}\p{N}]+} splits them, each
     * with its n-grams, hashed as the strings {@code prefix + word} and {@code "c:" + gram} would be
     * by {@link String#hashCode}, without making those strings: this is most of the cost of a
     * prediction, and {@code ModelFeaturesTest} checks it against the plain string version.
     */
    private static void words(int prefix, String text, IndexSet features) {
        // most bank text is ASCII: then lower case is one step per character, done while hashing
        String lower = isAscii(text) ? text : text.toLowerCase(Locale.ROOT);
        int length = lower.length();
        int i = 0;
        while (i < length) {
            int codePoint = lower.codePointAt(i);
            if (!isWordCharacter(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            while (i < length && isWordCharacter(codePoint = lower.codePointAt(i))) {
                i += Character.charCount(codePoint);
            }
            word(prefix, lower, start, i, features);
        }
    }

    private static void word(int prefix, String text, int start, int end, IndexSet features) {
        if (end - start < 2) {
            return;
        }
        int hash = prefix;
        for (int k = start; k < end; k++) {
            char c = lowerAscii(text.charAt(k));
            if (Character.isDigit(c)) {
                return; // a number or a reference says nothing
            }
            hash = 31 * hash + c;
        }
        features.put(hash);
        // the n-grams of "^" + word + "$"
        int edgedLength = end - start + 2;
        for (int n = 3; n <= 4; n++) {
            for (int from = 0; from + n <= edgedLength; from++) {
                int gram = GRAM;
                for (int k = from; k < from + n; k++) {
                    gram = 31 * gram + (k == 0 ? '^' : k == edgedLength - 1 ? '$' : lowerAscii(text.charAt(start + k - 1)));
                }
                features.put(gram);
            }
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code c} in lower case if an ASCII capital; a text already in lower case has none. */
    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** What {@code \p{L}} or {@code \p{N}} matches. */
    private static boolean isWordCharacter(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z'
                    || codePoint >= '0' && codePoint <= '9';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static int bucket(BigDecimal size) {
        int bucket = 0;
        while (bucket < BUCKETS.length && size.compareTo(BUCKETS[bucket]) >= 0) {
            bucket++;
        }
        return bucket;
    }

    /** Indexes of the features, from their hashes. */
    private static final class IndexSet {
        private int[] indexes = new int[128];
        private int size;

        void put(int hash) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            indexes[size++] = index(hash);
        }

        int[] sorted() {
            Arrays.sort(indexes, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || indexes[i] != indexes[distinct - 1]) {
                    indexes[distinct++] = indexes[i];
                }
            }
            return Arrays.copyOf(indexes, distinct);
        }

        private static int index(int hash) {
            int mixed = hash * 0x9E3779B1; // spread the low bits String.hashCode leaves alike
            return (mixed >>> 16) & (DIMENSION - 1);
        }
    }
}
