package io.ledgerstream.topology.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnusualAmountDetectorTest {

    @Test
    void shouldTakeTheMedianOfAmountsInAnyOrder() {
        // the recurring-payment detector asks with payments in date order, not amount order
        assertThat(UnusualAmountDetector.median(amounts("9.99", "1.00", "5.00"))).isEqualByComparingTo("5.00");
        assertThat(UnusualAmountDetector.median(amounts("40", "10", "30", "20"))).isEqualByComparingTo("25");
        assertThat(UnusualAmountDetector.median(amounts("7.50"))).isEqualByComparingTo("7.50");
    }

    @Test
    void shouldCompareWithThreeTimesTheNinetiethPercentileAsSortingWould() {
        Random random = new Random(42);
        for (int trial = 0; trial < 5_000; trial++) {
            int size = 20 + random.nextInt(31);
            List<BigDecimal> history = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                history.add(BigDecimal.valueOf(random.nextInt(20_000), 2)); // up to 199.99, ties likely
            }
            BigDecimal paid = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(60_000), 2)
                    : history.get(random.nextInt(size)).multiply(BigDecimal.valueOf(3)); // exactly on a mark
            List<BigDecimal> sorted = history.stream().sorted().toList();
            BigDecimal percentile90 = sorted.get((int) Math.ceil(0.9 * size) - 1); // nearest rank
            boolean expected = paid.compareTo(percentile90.multiply(BigDecimal.valueOf(3))) >= 0;

            assertThat(UnusualAmountDetector.atLeastTimesPercentile90(paid, history))
                    .as("%s against %s", paid, history).isEqualTo(expected);
        }
    }

    private static List<BigDecimal> amounts(String... amounts) {
        return Arrays.stream(amounts).map(BigDecimal::new).toList();
    }
}
