package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Monthly summaries in the store, figures checked to the cent against sums the test makes itself. */
class AggregationTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private static BigDecimal sum(String... amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (String amount : amounts) {
            total = total.add(new BigDecimal(amount));
        }
        return total;
    }

    @Test
    void shouldSummarizeAMonthToTheCent() {
        List<RawTransaction.Builder> march = List.of(
                transaction("alice", "salary", "2026-03-25", "2500.00").setDescription("SALARY ACME GMBH"),
                transaction("alice", "tesco", "2026-03-02", "-45.67").setMerchant("Tesco").setMcc("5411"),
                transaction("alice", "tesco-refund", "2026-03-03", "5.00").setMerchant("Tesco").setMcc("5411"),
                transaction("alice", "dinner", "2026-03-07", "-30.10").setMerchant("Trattoria Roma").setMcc("5812"),
                transaction("alice", "rent", "2026-03-01", "-900.00").setDescription("RENT MARCH LANDLORD LTD"),
                transaction("alice", "netflix", "2026-03-09", "-12.99").setDescription("PAYPAL *NETFLIX"),
                transaction("alice", "gift", "2026-03-12", "40.00").setDescription("FROM MUM"));
        march.forEach(harness::send);
        harness.send(transaction("alice", "april", "2026-04-01", "-1.00"));

        MonthlySummary summary = harness.summary("alice|2026-03");
        assertThat(summary.getUserId()).isEqualTo("alice");
        assertThat(summary.getMonth()).isEqualTo("2026-03");
        assertThat(summary.getCurrency()).isEqualTo("EUR");
        assertThat(summary.getTransactionCount()).isEqualTo(march.size());
        assertThat(summary.getIncome()).isEqualTo(sum("2500.00", "5.00", "40.00").setScale(4));
        assertThat(summary.getExpenses()).isEqualTo(sum("45.67", "30.10", "900.00", "12.99").setScale(4));
        assertThat(summary.getIncome().subtract(summary.getExpenses())).isEqualByComparingTo(
                sum("2500.00", "-45.67", "5.00", "-30.10", "-900.00", "-12.99", "40.00"));
        assertThat(summary.getByCategory()).isEqualTo(Map.of(
                "INCOME", sum("2500.00").setScale(4),
                "FOOD_AND_DRINK", sum("45.67", "-5.00", "30.10").setScale(4),
                "RENT_AND_UTILITIES", sum("900.00").setScale(4),
                "ENTERTAINMENT", sum("12.99").setScale(4),
                "TRANSFER_IN", sum("40.00").setScale(4)));
        assertThat(summary.getEssential()).isEqualTo(sum("45.67", "-5.00", "900.00").setScale(4));
        assertThat(summary.getDiscretionary()).isEqualTo(sum("30.10", "12.99").setScale(4));
    }

    @Test
    void shouldSubtractAnEarlierVersionBeforeAddingItsReplacement() {
        harness.send(transaction("alice", "t-1", "2026-03-02", "-45.67").setMerchant("Tesco"));
        harness.send(transaction("alice", "t-1", "2026-03-02", "-54.76").setMerchant("Starbucks"));

        MonthlySummary summary = harness.summary("alice|2026-03");
        assertThat(summary.getTransactionCount()).isEqualTo(1);
        assertThat(summary.getExpenses()).isEqualTo(new BigDecimal("54.7600"));
        assertThat(summary.getByCategory()).isEqualTo(Map.of("FOOD_AND_DRINK", new BigDecimal("54.7600")));
        assertThat(summary.getEssential()).as("groceries were essential, coffee is not").isEqualTo(new BigDecimal("0.0000"));
        assertThat(summary.getDiscretionary()).isEqualTo(new BigDecimal("54.7600"));
    }

    @Test
    void shouldListOneUsersMonthsInOrderWithoutAnotherUsersWhoseIdStartsTheSame() {
        harness.send(transaction("ann", "t-1", "2026-03-02", "-1.00"));
        harness.send(transaction("ann", "t-2", "2026-01-15", "-1.00"));
        harness.send(transaction("anna", "t-1", "2026-02-02", "-1.00").setUserId("anna"));
        harness.send(transaction("an", "t-1", "2026-02-02", "-1.00").setUserId("an"));

        KeyValueStore<String, ValueAndTimestamp<MonthlySummary>> store =
                harness.driver.getTimestampedKeyValueStore(StoreNames.MONTHLY_SUMMARIES);
        try (KeyValueIterator<String, ValueAndTimestamp<MonthlySummary>> months =
                     store.range(StoreNames.userPrefix("ann"), StoreNames.userRangeEnd("ann"))) {
            List<String> keys = new ArrayList<>();
            months.forEachRemaining(entry -> keys.add(entry.key));
            assertThat(keys).containsExactly("ann|2026-01", "ann|2026-03");
        }
        List<KeyValue<String, MonthlySummary>> all = harness.storeEntries(StoreNames.MONTHLY_SUMMARIES);
        assertThat(all).hasSize(4);
    }
}
