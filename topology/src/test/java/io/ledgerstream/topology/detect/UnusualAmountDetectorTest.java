package io.ledgerstream.topology.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusualAmountDetectorTest {

    @Test
    void shouldTakeTheMedianOfAmountsInAnyOrder() {
        // the recurring-payment detector asks with payments in date order, not amount order
        assertThat(UnusualAmountDetector.median(amounts("9.99", "1.00", "5.00"))).isEqualByComparingTo("5.00");
        assertThat(UnusualAmountDetector.median(amounts("40", "10", "30", "20"))).isEqualByComparingTo("25");
        assertThat(UnusualAmountDetector.median(amounts("7.50"))).isEqualByComparingTo("7.50");
    }

    private static List<BigDecimal> amounts(String... amounts) {
        return Arrays.stream(amounts).map(BigDecimal::new).toList();
    }
}
