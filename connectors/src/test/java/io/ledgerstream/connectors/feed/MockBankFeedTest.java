package io.ledgerstream.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.kafka.FakePublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MockBankFeedTest {

    private static final Clock NOV_23_2026 = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final BigDecimal LARGE = new BigDecimal("2500");

    private static List<RawTransaction> records;

    @BeforeAll
    static void generateAFewThousand() {
        records = new MockBankFeed(7, 12, NOV_23_2026).generate(6000);
    }

    private static BigDecimal amount(RawTransaction t) {
        return new BigDecimal(t.getAmount());
    }

    private static long count(Predicate<RawTransaction> kind) {
        return records.stream().filter(kind).count();
    }

    @Test
    void shouldYieldTheSameSequenceForTheSameSeed() {
        assertThat(new MockBankFeed(7, 12, NOV_23_2026).generate(6000)).isEqualTo(records);
    }

    @Test
    void shouldYieldADifferentSequenceForAnotherSeed() {
        assertThat(new MockBankFeed(8, 12, NOV_23_2026).generate(200)).isNotEqualTo(records.subList(0, 200));
    }

    @Test
    void shouldStartOnTheFirstOfTheMonthThreeMonthsBeforeTodayAndAdvanceDayByDay() {
        assertThat(records.get(0).getBookedAt()).isEqualTo("2026-08-01");
        assertThat(records).extracting(t -> LocalDate.parse(t.getBookedAt()))
                .filteredOn(d -> !d.isBefore(LocalDate.of(2026, 8, 1)))
                .hasSize(records.size());
        LocalDate last = LocalDate.parse(records.get(records.size() - 1).getBookedAt());
        assertThat(last).isAfter(LocalDate.of(2026, 10, 31));
    }

    @Test
    void shouldNameUsersAndNumberTheirTransactions() {
        assertThat(records).extracting(RawTransaction::getUserId).allMatch(u -> u.matches("user-0(0[1-9]|1[0-2])"));
        assertThat(records).extracting(RawTransaction::getTransactionId)
                .allMatch(id -> id.matches("mock-user-\\d{3}-\\d{6}"));
        assertThat(records).allSatisfy(t -> assertThat(t.getTransactionId()).startsWith("mock-" + t.getUserId() + "-"));
        assertThat(records).extracting(RawTransaction::getSource).containsOnly(MockBankFeed.SOURCE);
    }

    @Test
    void shouldWriteEveryAmountAsAnExactTwoDecimalString() {
        assertThat(records).extracting(RawTransaction::getAmount).allMatch(a -> a.matches("-?\\d+\\.\\d{2}"));
    }

    @Test
    void shouldLiveMonthlyLivesWithSalaryRentUtilitiesAndSubscriptions() {
        assertThat(count(t -> t.getDescription().contains("SALARY") && amount(t).signum() > 0)).isGreaterThanOrEqualTo(12);
        assertThat(records).filteredOn(t -> t.getDescription().contains(" RENT ")).isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.getDescription()).contains("LANDLORD");
                    assertThat(amount(t)).isNegative().isGreaterThan(new BigDecimal("-1500"));
                });
        assertThat(count(t -> t.getDescription().startsWith("DIRECT DEBIT"))).isPositive();
        assertThat(count(t -> "NETFLIX.COM".equals(last(t.getDescription())) || t.getDescription().contains("SPOTIFY")))
                .isPositive();
    }

    @Test
    void shouldSpendOnGroceriesRestaurantsCafesTransportAndFuel() {
        Map<String, Long> byMcc = new HashMap<>();
        records.stream().filter(t -> t.getMcc() != null).forEach(t -> byMcc.merge(t.getMcc(), 1L, Long::sum));
        assertThat(byMcc).containsKeys("5411", "5812", "5814", "4111", "5541");
        assertThat(byMcc.get("5411")).isGreaterThan(byMcc.getOrDefault("5812", 0L));
        assertThat(records).filteredOn(t -> "5411".equals(t.getMcc())).allSatisfy(t ->
                assertThat(t.getDescription()).matches("CARD (\\*{4}\\d{4}|\\d{16}) [A-Z/' ]+ \\d{4}"));
    }

    @Test
    void shouldTravelAbroadInForeignCurrenciesWithFlightsAndHotels() {
        assertThat(records).extracting(RawTransaction::getCurrency).contains("EUR", "GBP")
                .containsAnyOf("USD", "CHF");
        assertThat(records).filteredOn(t -> "4511".equals(t.getMcc()) || "7011".equals(t.getMcc()))
                .extracting(RawTransaction::getCurrency).containsAnyOf("USD", "GBP", "CHF");
    }

    @Test
    void shouldContainRefundsAmendmentsRemovalsAndAnomalies() {
        assertThat(count(t -> t.getDescription().contains("REFUND") && amount(t).signum() > 0)).isPositive();

        Map<String, RawTransaction> firstVersion = new HashMap<>();
        long amendments = 0;
        long removals = 0;
        for (RawTransaction t : records) {
            RawTransaction earlier = firstVersion.putIfAbsent(t.getTransactionId(), t);
            if (earlier != null && t.getRemoved()) {
                removals++;
            } else if (earlier != null && !earlier.getAmount().equals(t.getAmount())) {
                amendments++;
            }
        }
        assertThat(amendments).isPositive();
        assertThat(removals).isPositive();

        assertThat(count(t -> amount(t).negate().compareTo(LARGE) >= 0)).isPositive();
        Map<String, Set<String>> idsPerCharge = new HashMap<>();
        records.stream()
                .filter(t -> amount(t).negate().compareTo(BigDecimal.valueOf(20)) >= 0 && t.getMcc() != null)
                .forEach(t -> idsPerCharge.computeIfAbsent(
                                t.getUserId() + "|" + t.getBookedAt() + "|" + t.getDescription() + "|" + t.getAmount(),
                                k -> new HashSet<>())
                        .add(t.getTransactionId()));
        long doubleCharges = idsPerCharge.values().stream().filter(ids -> ids.size() > 1).count();
        assertThat(doubleCharges).isPositive();
    }

    @Test
    void shouldPutAFullCardNumberOrAnIbanInSomeDescriptions() {
        assertThat(count(t -> t.getDescription().matches("CARD \\d{16} .*"))).isPositive();
        assertThat(count(t -> t.getDescription().matches(".*\\b(DE\\d{20}|GB\\d{2}[A-Z]{4}\\d{14})\\b.*"))).isPositive();
    }

    @Test
    void shouldPublishTheRequestedCountKeyedByUser() {
        FakePublisher<String, RawTransaction> publisher = new FakePublisher<>();

        FeedStats stats = new MockBankFeed(7, 12, NOV_23_2026).run(publisher, 100_000, 500, null);

        assertThat(stats.sent()).isEqualTo(500);
        assertThat(stats.acknowledged()).isEqualTo(500);
        assertThat(publisher.values()).isEqualTo(records.subList(0, 500));
        assertThat(publisher.published()).allSatisfy(e -> assertThat(e.getKey()).isEqualTo(e.getValue().getUserId()));
    }

    @Test
    void shouldPublishNothingBookedAfterToday() {
        FakePublisher<String, RawTransaction> publisher = new FakePublisher<>();

        FeedStats stats = new MockBankFeed(7, 3, NOV_23_2026).run(publisher, 1_000_000, 0, java.time.Duration.ofSeconds(2));

        java.time.LocalDate today = java.time.LocalDate.now(NOV_23_2026);
        assertThat(stats.sent()).as("caught up with today, then idle").isPositive();
        assertThat(publisher.values()).allSatisfy(t -> assertThat(java.time.LocalDate.parse(t.getBookedAt())).isBeforeOrEqualTo(today));
        assertThat(publisher.values()).anySatisfy(t -> assertThat(t.getBookedAt()).isEqualTo("2026-11-23"));
    }

    private static String last(String description) {
        String[] words = description.split(" ");
        return words[words.length - 1];
    }
}
