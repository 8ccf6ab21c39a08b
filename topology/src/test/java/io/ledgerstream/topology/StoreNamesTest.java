package io.ledgerstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoreNamesTest {

    @Test
    void shouldLayOutKeysAsTheApiReadsThem() {
        assertThat(StoreNames.summaryKey("alice", YearMonth.of(2026, 3))).isEqualTo("alice|2026-03");
        assertThat(StoreNames.transactionByDateKey("alice", LocalDate.of(2026, 3, 4), "t-1")).isEqualTo("alice|2026-03-04|t-1");
        assertThat(StoreNames.versionKey("alice", "t-1")).isEqualTo("alice|t-1");
        assertThat(StoreNames.alertKey("alice", "0123456789abcdef")).isEqualTo("alice|0123456789abcdef");
        assertThat(StoreNames.recentChargeKey("alice", "netflix", "-25.0000")).isEqualTo("alice|netflix|-25.0000");
        assertThat(StoreNames.merchantCorrectionKey("alice", " Tesco Stores ")).isEqualTo("alice|m:tesco stores");
        assertThat(StoreNames.transactionCorrectionKey("alice", "t-1")).isEqualTo("alice|t:t-1");
        assertThat(StoreNames.fxRateKey("USD", LocalDate.of(2026, 3, 4))).isEqualTo("USD:2026-03-04");
        assertThat(StoreNames.userPrefix("alice")).isEqualTo("alice|");
    }

    @Test
    void shouldBoundOneUsersKeysWithoutTakingInAnotherUsers() {
        TreeSet<String> keys = new TreeSet<>(List.of("an|2026-01", "ann|2026-01", "ann|2026-12", "anna|2026-01",
                "ann0|2026-01", "ann}x", "annz|2026-01"));

        assertThat(keys.subSet(StoreNames.userPrefix("ann"), true, StoreNames.userRangeEnd("ann"), true))
                .containsExactly("ann|2026-01", "ann|2026-12");
    }

    @Test
    void shouldBoundTransactionsByBookingDate() {
        TreeSet<String> keys = new TreeSet<>(List.of("ann|2026-03-01|t-1", "ann|2026-03-04|t-2", "ann|2026-03-04|zz",
                "ann|2026-03-05|t-3"));

        assertThat(keys.subSet(StoreNames.transactionsFrom("ann", LocalDate.of(2026, 3, 2)), true,
                StoreNames.transactionsUntil("ann", LocalDate.of(2026, 3, 4)), true))
                .containsExactly("ann|2026-03-04|t-2", "ann|2026-03-04|zz");
    }
}
