package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
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
}
