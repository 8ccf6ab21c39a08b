package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conversion into the user's base currency at the rate of the booking date, from the fx.rates global table. */
class FxTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    @Test
    void shouldConvertAtTheLastRatePublishedOnOrBeforeTheBookingDate() {
        harness.publishRate("USD", "2026-03-02", "1.0800");
        harness.publishRate("USD", "2026-03-06", "1.1000");
        harness.publishRate("GBP", "2026-03-03", "0.8500");

        harness.send(transaction("alice", "t-1", "2026-03-04", "-100.00").setCurrency("USD"));
        harness.send(transaction("alice", "t-2", "2026-03-06", "-100.00").setCurrency("USD"));

        // one EUR buys 1.08 USD until the 6th: 100 USD is 100 / 1.08 EUR, to the cent
        BigDecimal between = new BigDecimal("-100.00").divide(new BigDecimal("1.08"), 2, RoundingMode.HALF_EVEN);
        BigDecimal onTheDay = new BigDecimal("-100.00").divide(new BigDecimal("1.10"), 2, RoundingMode.HALF_EVEN);
        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getBaseAmount)
                .containsExactly(between.setScale(4), onTheDay.setScale(4));
        assertThat(between).isEqualByComparingTo("-92.59");
        assertThat(onTheDay).isEqualByComparingTo("-90.91");
    }

    @Test
    void shouldConvertIntoTheBaseCurrencyTheUserChose() {
        harness.settings.pipeInput("alice", new UserSettings("alice", "GBP", "Europe/London", null, Map.of(), null,
                Instant.parse("2026-03-01T00:00:00Z")));
        harness.publishRate("USD", "2026-03-01", "1.1000");
        harness.publishRate("GBP", "2026-03-01", "0.8400");

        harness.send(transaction("alice", "t-1", "2026-03-04", "-55.00").setCurrency("USD"));
        harness.send(transaction("alice", "t-2", "2026-03-04", "-10.00"));
        harness.send(transaction("alice", "t-3", "2026-03-04", "-7.77").setCurrency("GBP"));

        // USD → EUR → GBP: 55 / 1.10 × 0.84 = 42.00; EUR → GBP: 10 × 0.84 = 8.40; GBP stays as it is
        assertThat(harness.enriched.readValuesToList()).allSatisfy(t -> assertThat(t.getBaseCurrency()).isEqualTo("GBP"))
                .extracting(EnrichedTransaction::getBaseAmount)
                .containsExactly(new BigDecimal("-42.0000"), new BigDecimal("-8.4000"), new BigDecimal("-7.7700"));
        assertThat(harness.summary("alice|2026-03").getCurrency()).isEqualTo("GBP");
    }

    @Test
    void shouldFallBackToTheDefaultBaseCurrencyWhenTheUsersSettingsAreDeleted() {
        harness.settings.pipeInput("alice", new UserSettings("alice", "GBP", "Europe/London", null, Map.of(), null,
                Instant.parse("2026-03-01T00:00:00Z")));
        harness.settings.pipeInput("alice", (UserSettings) null);

        harness.send(transaction("alice", "t-1", "2026-03-04", "-10.00"));

        assertThat(harness.enriched.readValue().getBaseCurrency()).isEqualTo("EUR");
        assertThat(harness.storeEntries(StoreNames.USER_SETTINGS)).isEmpty();
    }

    @Test
    void shouldCopyAnAmountInTheBaseCurrencyExactlyWithoutRounding() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.3456"));

        EnrichedTransaction enriched = harness.enriched.readValue();
        assertThat(enriched.getBaseAmount()).isEqualTo(new BigDecimal("-12.3456"));
        assertThat(enriched.getBaseCurrency()).isEqualTo("EUR");
    }

    @Test
    void shouldRoundToTheBaseCurrencysMinorUnit() {
        harness.settings.pipeInput("alice", new UserSettings("alice", "JPY", "Asia/Tokyo", null, Map.of(), null,
                Instant.parse("2026-03-01T00:00:00Z")));
        harness.publishRate("JPY", "2026-03-01", "161.2300");

        harness.send(transaction("alice", "t-1", "2026-03-04", "-10.00"));

        // 10 × 161.23 = 1612.3 yen, and the yen has no minor unit
        assertThat(harness.enriched.readValue().getBaseAmount()).isEqualTo(new BigDecimal("-1612.0000"));
    }
}
