package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * The stores a task has open, found by name and partition and asked directly, as the API's interactive
 * queries do: the test driver runs one active task, partition 0's.
 */
class OpenStoresTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();

    @Test
    void shouldGiveTheActiveTasksStoresWhileOpenAndAnswerWhatTheStoreHolds() {
        harness.send(transaction("alice", "tesco", "2026-03-02", "-45.67").setMerchant("Tesco").setMcc("5411"));
        harness.send(transaction("alice", "rent", "2026-03-01", "-900.00").setDescription("RENT MARCH LANDLORD LTD"));

        StateStore summaries = harness.openStores.active(StoreNames.MONTHLY_SUMMARIES, 0).orElseThrow();
        QueryResult<MonthlySummary> march = summaries.query(KeyQuery.withKey("alice|2026-03"),
                PositionBound.unbounded(), new QueryConfig(false));
        QueryResult<MonthlySummary> april = summaries.query(KeyQuery.withKey("alice|2026-04"),
                PositionBound.unbounded(), new QueryConfig(false));
        StateStore byDate = harness.openStores.active(StoreNames.TRANSACTIONS_BY_DATE, 0).orElseThrow();
        QueryResult<KeyValueIterator<String, EnrichedTransaction>> range = byDate.query(
                RangeQuery.withRange(StoreNames.userPrefix("alice"), StoreNames.userRangeEnd("alice")),
                PositionBound.unbounded(), new QueryConfig(false));

        assertThat(march.isSuccess()).isTrue();
        assertThat(march.getResult().getExpenses()).isEqualTo(new BigDecimal("945.6700"));
        assertThat(march.getResult()).isEqualTo(harness.summary("alice|2026-03"));
        assertThat(april.isSuccess()).isTrue();
        assertThat(april.getResult()).isNull();
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedTransaction> entries = range.getResult()) {
            entries.forEachRemaining(entry -> ids.add(entry.value.getTransactionId()));
        }
        assertThat(ids).containsExactly("rent", "tesco"); // by booking date
        assertThat(harness.openStores.active(StoreNames.MONTHLY_SUMMARIES, 1)).as("no task of partition 1 here")
                .isEmpty();
        assertThat(harness.openStores.active("no-such-store", 0)).isEmpty();

        harness.close();

        assertThat(harness.openStores.active(StoreNames.MONTHLY_SUMMARIES, 0)).as("closed with its task").isEmpty();
    }
}
