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

    private ModelFeatures() {
    }

    /** The input's feature indexes, ascending and distinct. */
    public static int[] of(ModelInput input) {
        IndexSet features = new IndexSet();
        words("w:", input.description(), features);
        if (input.merchant() != null) {
            words("m:", input.merchant(), features);
        }
        String direction = input.amount().signum() < 0 ? "out" : "in";
        features.add("d:" + direction);
        features.add("a:" + direction + ":" + bucket(input.amount().abs()));
        if (input.mcc() != null && input.mcc().length() == 4) {
            features.add("mcc:" + input.mcc());
            features.add("mcc2:" + input.mcc().substring(0, 2));
        }
        return features.sorted();
    }

    private static void words(String prefix, String text, IndexSet features) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2 || word.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            features.add(prefix + word);
            String edged = "^" + word + "$";
            for (int n = 3; n <= 4; n++) {
                for (int i = 0; i + n <= edged.length(); i++) {
                    features.add("c:" + edged.substring(i, i + n));
                }
            }
        }
    }

    private static int bucket(BigDecimal size) {
        int bucket = 0;
        while (bucket < BUCKETS.length && size.compareTo(BUCKETS[bucket]) >= 0) {
            bucket++;
        }
        return bucket;
    }

    /** Hashed indexes of the features, collected as ints. */
    private static final class IndexSet {
        private int[] indexes = new int[64];
        private int size;

        void add(String feature) {
            put(index(feature.hashCode()));
        }

        private void put(int index) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            indexes[size++] = index;
        }

        int[] sorted() {
            return Arrays.stream(indexes, 0, size).sorted().distinct().toArray();
        }

        private static int index(int hash) {
            int mixed = hash * 0x9E3779B1; // spread the low bits String.hashCode leaves alike
            return (mixed >>> 16) & (DIMENSION - 1);
        }
    }
}
