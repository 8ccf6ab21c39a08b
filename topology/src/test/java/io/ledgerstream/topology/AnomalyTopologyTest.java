package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.AnomalyProfile;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelTrainer;
import io.ledgerstream.topology.detect.anomaly.PaymentContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The isolation forest's alerts in the running topology, and the cases where it may not speak. */
class AnomalyTopologyTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static AnomalyModel forest;

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private int sequence;

    /**
     * A forest grown on 300 people who buy coffee every day or two, groceries twice a week and
     * now and then dine somewhere new, put in context by the code the detector runs.
     */
    @BeforeAll
    static void growForest() {
        Random random = new Random(11);
        PaymentContext.Profiles profiles = PaymentContext.Profiles.inMemory();
        List<double[]> normal = new ArrayList<>();
        for (int user = 0; user < 300; user++) {
            for (int day = 0; day < 120; day++) {
                for (EnrichedTransaction payment : ordinaryDay("u" + user, START.plusDays(day), random)) {
                    PaymentContext.observe(payment, payment.getBaseAmount().negate(), profiles)
                            .ifPresent(judged -> normal.add(judged.features()));
                }
            }
        }
        forest = AnomalyModelTrainer.train("if-test", normal, 1);
    }

    private static List<EnrichedTransaction> ordinaryDay(String userId, LocalDate day, Random random) {
        List<EnrichedTransaction> payments = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            payments.add(enriched(userId, day, "Starbucks", Category.FOOD_AND_DRINK, 300 + random.nextInt(250)));
        }
        if (random.nextInt(7) < 2) {
            payments.add(enriched(userId, day, "Tesco", Category.FOOD_AND_DRINK, 3500 + random.nextInt(4000)));
        }
        if (random.nextInt(14) == 0) {
            payments.add(enriched(userId, day, "Bistro " + random.nextInt(10_000), Category.FOOD_AND_DRINK,
                    1500 + random.nextInt(4000)));
        }
        return payments;
    }

    private static EnrichedTransaction enriched(String userId, LocalDate day, String merchant, Category category, int cents) {
        BigDecimal amount = BigDecimal.valueOf(-cents, 2);
        return EnrichedTransaction.newBuilder().setTransactionId("t").setUserId(userId).setBookedAt(day).setAmount(amount)
                .setCurrency("EUR").setBaseAmount(amount).setBaseCurrency("EUR").setDescription(merchant).setMerchant(merchant)
                .setCategory(category).setEssential(false)
                .setCategorySource(CategorySource.NONE).setCategoryConfidence(1.0).setModelVersion(null).setRemoved(false)
                .setAccountId(null).setMcc(null).setSubcategory(null).build();
    }

    /** Alice's ordinary life as raw transactions: a coffee (MCC 5814) or a grocery shop (5411) a day. */
    private void ordinaryPayments(int count) {
        for (int i = 0; i < count; i++) {
            sequence++;
            boolean coffee = i % 3 > 0;
            harness.send(transaction("alice", "t-" + sequence, START.plusDays(sequence).toString(), coffee ? "-4.20" : "-52.00")
                    .setMerchant(coffee ? "Starbucks" : "Tesco").setMcc(coffee ? "5814" : "5411"));
        }
    }

    private String spa(String amount) {
        sequence++;
        harness.send(transaction("alice", "t-" + sequence, START.plusDays(sequence).toString(), "-" + amount)
                .setMerchant("Luxe Day Spa").setMcc("7298"));
        return "t-" + sequence;
    }

    private List<Alert> anomalies() {
        return harness.alerts.readValuesToList().stream().filter(a -> a.getType() == AlertType.ANOMALOUS_TRANSACTION).toList();
    }

    @Test
    void shouldTellAPaymentOutOfTheUsersPatternAndWhy() {
        harness.release(forest);
        ordinaryPayments(40);
        String spa = spa("640.00");

        List<Alert> alerts = anomalies();
        assertThat(alerts).extracting(Alert::getTransactionId).containsExactly(spa);
        Alert alert = alerts.get(0);
        assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(alert.getCategory()).isEqualTo(Category.PERSONAL_CARE);
        assertThat(alert.getAmount()).isEqualByComparingTo("640.00");
        assertThat(alert.getMessage())
                .startsWith("640.00 EUR at Luxe Day Spa is out of your usual pattern: your first payment there, ")
                .contains("× your typical payment (")
                .contains("the first time you pay for personal care")
                .endsWith(", model if-test)");
    }

    @Test
    void shouldStayQuietForOrdinaryPayments() {
        harness.release(forest);
        ordinaryPayments(80);

        assertThat(anomalies()).isEmpty();
    }

    @Test
    void shouldStayQuietBeforeEnoughHistory() {
        harness.release(forest);
        ordinaryPayments(PaymentContext.MIN_HISTORY - 1);
        spa("640.00");

        assertThat(anomalies()).isEmpty();
    }

    @Test
    void shouldLearnWithoutAModelAndJudgeFromTheFirstPaymentAfterARelease() {
        ordinaryPayments(40);
        spa("640.00");
        assertThat(anomalies()).as("no forest released yet").isEmpty();

        harness.release(forest);
        String second = spa("700.00");

        assertThat(anomalies()).extracting(Alert::getTransactionId).containsExactly(second);
        assertThat(harness.<AnomalyProfile>storeValue(StoreNames.ANOMALY_PROFILES,
                StoreNames.paymentsProfileKey("alice")).getPayments()).isEqualTo(42);
    }

    @Test
    void shouldJudgeAPaymentOnceWhateverItsLaterVersions() {
        harness.release(forest);
        ordinaryPayments(40);
        String spa = spa("640.00");
        harness.send(transaction("alice", spa, START.plusDays(sequence).toString(), "-640.00").setMerchant("Luxe Day Spa")
                .setMcc("7298").setDescription("CARD PAYMENT, corrected"));

        assertThat(anomalies()).extracting(Alert::getTransactionId).containsExactly(spa);
        assertThat(harness.<AnomalyProfile>storeValue(StoreNames.ANOMALY_PROFILES,
                StoreNames.paymentsProfileKey("alice")).getPayments()).isEqualTo(41);
    }
}
