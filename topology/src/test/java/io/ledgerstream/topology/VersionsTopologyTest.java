package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.TransactionVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Versions of a transaction" (DESIGN.md): resends, replacements and removals, end to end. */
class VersionsTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    @Test
    void shouldChangeNothingWhenAnIdenticalTransactionIsResent() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.34").setMerchant("Tesco"));
        assertThat(harness.enriched.readValuesToList()).hasSize(1);
        List<KeyValue<String, Object>> versionsBefore = harness.storeEntries(StoreNames.TRANSACTION_VERSIONS);
        MonthlySummary summaryBefore = harness.summary("alice|2026-03");

        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.34").setMerchant("Tesco"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.3400").setMerchant("Tesco").setSource("another feed"));

        assertThat(harness.enriched.isEmpty()).as("no second enriched record").isTrue();
        assertThat(harness.storeEntries(StoreNames.TRANSACTION_VERSIONS)).isEqualTo(versionsBefore);
        assertThat(harness.summary("alice|2026-03")).isEqualTo(summaryBefore);
        assertThat(summaryBefore.getTransactionCount()).isEqualTo(1);
        assertThat(summaryBefore.getExpenses()).isEqualByComparingTo("12.34");
    }

    @Test
    void shouldReplaceAPendingPaymentWithItsPostedAmount() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-40.00").setDescription("PENDING HOTEL BERLIN"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-42.50").setDescription("HOTEL BERLIN"));

        List<EnrichedTransaction> versions = harness.enriched.readValuesToList();
        assertThat(versions).extracting(EnrichedTransaction::getAmount)
                .containsExactly(new BigDecimal("-40.0000"), new BigDecimal("-42.5000"));
        MonthlySummary march = harness.summary("alice|2026-03");
        assertThat(march.getTransactionCount()).isEqualTo(1);
        assertThat(march.getExpenses()).isEqualByComparingTo("42.50");
        assertThat(march.getByCategory()).containsOnlyKeys("TRAVEL");
        assertThat(march.getByCategory().get("TRAVEL")).isEqualByComparingTo("42.50");
        List<KeyValue<String, EnrichedTransaction>> byDate = harness.storeEntries(StoreNames.TRANSACTIONS_BY_DATE);
        assertThat(byDate).singleElement().satisfies(entry -> {
            assertThat(entry.key).isEqualTo("alice|2026-03-04|t-1");
            assertThat(entry.value.getAmount()).isEqualByComparingTo("-42.50");
        });
    }

    @Test
    void shouldMoveAVersionBookedInAnotherMonthOutOfTheOldMonth() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("alice", "t-2", "2026-02-27", "-10.00"));
        harness.send(transaction("alice", "t-2", "2026-03-01", "-10.00"));

        assertThat(harness.summary(StoreNames.summaryKey("alice", YearMonth.of(2026, 2))))
                .as("February had only t-2, which moved").isNull();
        MonthlySummary march = harness.summary(StoreNames.summaryKey("alice", YearMonth.of(2026, 3)));
        assertThat(march.getTransactionCount()).isEqualTo(2);
        assertThat(march.getExpenses()).isEqualByComparingTo("30.00");
        assertThat(harness.<EnrichedTransaction>storeEntries(StoreNames.TRANSACTIONS_BY_DATE)).extracting(entry -> entry.key)
                .containsExactly("alice|2026-03-01|t-2", "alice|2026-03-04|t-1");
    }

    @Test
    void shouldTakeARemovedTransactionOutOfEverythingButItsVersionHistory() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("alice", "t-2", "2026-03-05", "-5.00"));
        harness.enriched.readValuesToList();

        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00").setRemoved(true));

        EnrichedTransaction removal = harness.enriched.readValue();
        assertThat(removal.getRemoved()).isTrue();
        assertThat(removal.getTransactionId()).isEqualTo("t-1");
        assertThat(removal.getAmount()).isEqualByComparingTo("-20.00");
        MonthlySummary march = harness.summary("alice|2026-03");
        assertThat(march.getTransactionCount()).isEqualTo(1);
        assertThat(march.getExpenses()).isEqualByComparingTo("5.00");
        assertThat(harness.<EnrichedTransaction>storeEntries(StoreNames.TRANSACTIONS_BY_DATE)).extracting(entry -> entry.key)
                .containsExactly("alice|2026-03-05|t-2");
        TransactionVersion stored = harness.version("alice|t-1");
        assertThat(stored.getTransaction().getRemoved()).isTrue();

        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00").setRemoved(true));
        assertThat(harness.enriched.isEmpty()).as("a resent removal is a no-op").isTrue();
    }

    @Test
    void shouldDeleteTheMonthWhenItsLastTransactionIsRemoved() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00").setRemoved(true));

        assertThat(harness.summary("alice|2026-03")).isNull();
        assertThat(harness.storeEntries(StoreNames.TRANSACTIONS_BY_DATE)).isEmpty();
    }

    @Test
    void shouldIgnoreARemovalOfAnUnknownTransaction() {
        harness.send(transaction("alice", "t-9", "2026-03-04", "-20.00").setRemoved(true));
        harness.send(transaction("alice", "t-9", "2026-03-04", "-20.00").setRemoved(true));

        assertThat(harness.enriched.isEmpty()).isTrue();
        assertThat(harness.storeEntries(StoreNames.TRANSACTION_VERSIONS)).isEmpty();
        assertThat(harness.storeEntries(StoreNames.MONTHLY_SUMMARIES)).isEmpty();
    }

    @Test
    void shouldCountATransactionAgainWhenItComesBackAfterItsRemoval() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00").setRemoved(true));
        harness.send(transaction("alice", "t-1", "2026-03-05", "-21.00"));

        assertThat(harness.summary("alice|2026-03").getTransactionCount()).isEqualTo(1);
        assertThat(harness.summary("alice|2026-03").getExpenses()).isEqualByComparingTo("21.00");
        assertThat(harness.<EnrichedTransaction>storeValue(StoreNames.TRANSACTIONS_BY_DATE,
                StoreNames.transactionByDateKey("alice", LocalDate.of(2026, 3, 5), "t-1"))).isNotNull();
    }

    @Test
    void shouldNotBringBackAWithdrawnTransactionWhenAnOldStatementIsImportedAgain() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00").setRemoved(true));
        harness.enriched.readValuesToList();

        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));

        assertThat(harness.enriched.isEmpty()).as("no enriched output for the old version").isTrue();
        assertThat(harness.storeEntries(StoreNames.MONTHLY_SUMMARIES)).isEmpty();
    }

    @Test
    void shouldNotRollBackAReplacedTransactionWhenItsEarlierVersionIsResent() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-40.00").setDescription("PENDING HOTEL BERLIN"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-42.50").setDescription("HOTEL BERLIN"));
        harness.enriched.readValuesToList();

        harness.send(transaction("alice", "t-1", "2026-03-04", "-40.00").setDescription("PENDING HOTEL BERLIN"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-42.50").setDescription("HOTEL BERLIN"));

        assertThat(harness.enriched.isEmpty()).as("a replayed history emits nothing").isTrue();
        assertThat(harness.summary("alice|2026-03").getExpenses()).isEqualByComparingTo("42.50");
        TransactionVersion stored = harness.storeValue(StoreNames.TRANSACTION_VERSIONS, StoreNames.versionKey("alice", "t-1"));
        assertThat(stored.getEarlierHashes()).hasSize(1);
    }

    @Test
    void shouldKeepTwoUsersTransactionsWithTheSameIdApart() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-20.00"));
        harness.send(transaction("bob", "t-1", "2026-03-04", "-20.00").setUserId("bob"));

        assertThat(harness.enriched.readKeyValuesToList()).extracting(record -> record.key).containsExactly("alice", "bob");
        assertThat(harness.summary("bob|2026-03").getTransactionCount()).isEqualTo(1);
    }
}
