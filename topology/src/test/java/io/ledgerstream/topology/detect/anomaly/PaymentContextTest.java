package io.ledgerstream.topology.detect.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ledgerstream.schemas.avro.AnomalyProfile;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentContextTest {

    private final PaymentContext.Profiles profiles = PaymentContext.Profiles.inMemory();

    private static EnrichedTransaction payment(String merchant, Category category, String amount, LocalDate day) {
        return EnrichedTransaction.newBuilder().setTransactionId("t").setUserId("alice").setBookedAt(day)
                .setAmount(new BigDecimal(amount).negate()).setCurrency("EUR").setBaseAmount(new BigDecimal(amount).negate())
                .setBaseCurrency("EUR").setDescription(merchant).setMerchant(merchant).setCategory(category)
                .setEssential(false)
                .setCategorySource(CategorySource.NONE).setCategoryConfidence(1.0).setModelVersion(null).setRemoved(false)
                .setAccountId(null).setMcc(null).setSubcategory(null).build();
    }

    private Optional<PaymentContext.Judged> pay(String merchant, Category category, String amount, LocalDate day) {
        return PaymentContext.observe(payment(merchant, category, amount, day), new BigDecimal(amount), profiles);
    }

    @Test
    void shouldKeepTheExactMeanAndVarianceOfTheFirstPayments() {
        double[] amounts = {3.5, 4.0, 60.0, 12.25, 7.0};
        for (int i = 0; i < amounts.length; i++) {
            pay("Shop " + i, Category.FOOD_AND_DRINK, Double.toString(amounts[i]), LocalDate.of(2026, 1, 1 + i));
        }
        double mean = 0;
        for (double amount : amounts) {
            mean += Math.log(amount) / amounts.length;
        }
        double variance = 0;
        for (double amount : amounts) {
            variance += Math.pow(Math.log(amount) - mean, 2) / amounts.length;
        }

        AnomalyProfile all = profiles.get("alice|*");
        assertThat(all.getPayments()).isEqualTo(5);
        assertThat(all.getLogMean()).isCloseTo(mean, within(1e-12));
        assertThat(all.getLogVariance()).isCloseTo(variance, within(1e-12));
        assertThat(all.getLastPaidOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(profiles.get("alice|m:shop 3").getPayments()).isEqualTo(1);
    }

    @Test
    void shouldJudgeNothingBeforeEnoughHistoryAndThenTheContextOfThePayment() {
        LocalDate day = LocalDate.of(2026, 1, 5); // a Monday
        for (int i = 0; i < PaymentContext.MIN_HISTORY; i++) {
            assertThat(pay("Starbucks", Category.FOOD_AND_DRINK, "4.00", day.minusDays(40 - i))).isEmpty();
        }

        double[] againAtStarbucks = pay("Starbucks", Category.FOOD_AND_DRINK, "4.00", day).orElseThrow().features();
        double[] spa = pay("Luxe Day Spa", Category.PERSONAL_CARE, "400.00", day.plusDays(2)).orElseThrow().features();

        // 30 coffees at 4.00: variance 0, so the least standard deviation applies
        assertThat(againAtStarbucks).containsExactly(new double[] {0, 0, 1.0, Math.log1p(30), Math.log1p(11), 0}, within(1e-9));
        double z = Math.log(100) / PaymentContext.MIN_SD_ALL; // 400 is 100 times 4, in logarithms over 0.5
        assertThat(spa).containsExactly(new double[] {z, z, 0, 0, -1, 2}, within(1e-9));
    }
}
