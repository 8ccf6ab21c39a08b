package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelFeaturesTest {

    private static int[] features(String description, String merchant, String amount, String mcc) {
        return ModelFeatures.of(new ModelInput(description, merchant, new BigDecimal(amount), mcc));
    }

    @Test
    void shouldGiveAscendingDistinctIndexesInsideTheSpace() {
        int[] features = features("CARD ****1234 TESCO STORES 3297", "Tesco", "-12.34", "5411");
        assertThat(features).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(features)).allMatch(i -> i >= 0 && i < ModelFeatures.DIMENSION);
        // the words card, tesco, stores with their 3- and 4-grams (^card$: 4 + 3, ^tesco$: 5 + 4,
        // ^stores$: 6 + 5), the merchant's word (its n-grams are the description's), the direction,
        // the amount's bucket, the MCC and its group; numbers and masked numbers give none
        assertThat(features).hasSize(3 + 7 + 9 + 11 + 1 + 4);
    }

    @Test
    void shouldIgnoreNumbersAndReferencesSoTheSameShopReadsTheSame() {
        assertThat(features("TESCO STORES 3297 REF 88213", null, "-12.34", null))
                .isEqualTo(features("TESCO STORES 0001 REF X1Y2", null, "-15.00", null));
    }

    @Test
    void shouldTellMoneyInFromOutAndSmallFromLarge() {
        assertThat(features("TRANSFER", null, "-4.00", null)).isNotEqualTo(features("TRANSFER", null, "4.00", null));
        assertThat(features("TRANSFER", null, "-4.00", null)).isNotEqualTo(features("TRANSFER", null, "-900.00", null));
    }

    @Test
    void shouldHashExactlyAsThePlainStringsWouldOnTheTrainingDataAndOnRandomText() {
        List<ModelInput> inputs = new ArrayList<>();
        TrainingData.generate(3, 2).training().forEach(example -> inputs.add(example.input()));
        TrainingData.generate(3, 2).evaluation().forEach(example -> inputs.add(example.input()));
        Random random = new Random(17);
        // letters of several scripts, digits of others, marks, separators, surrogate pairs, a dotted İ
        String alphabet = "abcXYZ äöüßÄÖÜéÉ İıΣσς Жж 中文 ٣٤ ²½ Ⅻ -*/.#'_\t \uD835\uDC00\uD83D\uDE00 0123456789";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(new ModelInput(text.toString(), random.nextBoolean() ? text.reverse().toString() : null,
                    BigDecimal.valueOf(random.nextInt(400_000) - 200_000, 2), random.nextInt(3) == 0 ? "5411" : null));
        }

        for (ModelInput input : inputs) {
            assertThat(ModelFeatures.of(input)).as(input.toString()).isEqualTo(PlainFeatures.of(input));
        }
    }

    /**
     * The features as first written, with strings and a regular expression: the reference the hashing
     * without strings must match index for index, or a model trained by one would misread the other.
     */
    private static final class PlainFeatures {

        private static final BigDecimal[] BUCKETS = {new BigDecimal("5"), new BigDecimal("20"), new BigDecimal("50"),
                new BigDecimal("150"), new BigDecimal("500"), new BigDecimal("2000")};

        static int[] of(ModelInput input) {
            List<String> features = new ArrayList<>();
            words("w:", input.description(), features);
            if (input.merchant() != null) {
                words("m:", input.merchant(), features);
            }
            String direction = input.amount().signum() < 0 ? "out" : "in";
            features.add("d:" + direction);
            int bucket = 0;
            while (bucket < BUCKETS.length && input.amount().abs().compareTo(BUCKETS[bucket]) >= 0) {
                bucket++;
            }
            features.add("a:" + direction + ":" + bucket);
            if (input.mcc() != null && input.mcc().length() == 4) {
                features.add("mcc:" + input.mcc());
                features.add("mcc2:" + input.mcc().substring(0, 2));
            }
            return features.stream().mapToInt(f -> ((f.hashCode() * 0x9E3779B1) >>> 16) & (ModelFeatures.DIMENSION - 1))
                    .sorted().distinct().toArray();
        }

        private static void words(String prefix, String text, List<String> features) {
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
    }
}
