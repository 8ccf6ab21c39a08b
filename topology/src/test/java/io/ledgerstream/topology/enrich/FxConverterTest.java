package io.ledgerstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FxConverterTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

    /** Rates by currency and day; the rate of a day is the last one on or before it. */
    private static RateLookup rates(Map<String, NavigableMap<LocalDate, BigDecimal>> published) {
        return (currency, date) -> Optional.ofNullable(published.get(currency))
                .map(history -> history.floorEntry(date))
                .map(Map.Entry::getValue);
    }

    private static NavigableMap<LocalDate, BigDecimal> history(Object... dayAndRate) {
        NavigableMap<LocalDate, BigDecimal> history = new TreeMap<>();
        for (int i = 0; i < dayAndRate.length; i += 2) {
            history.put(LocalDate.parse((String) dayAndRate[i]), new BigDecimal((String) dayAndRate[i + 1]));
        }
        return history;
    }

    @Test
    void shouldDivideByTheRateOfTheForeignCurrencyIntoEuro() {
        FxConverter converter = new FxConverter(rates(Map.of("USD", history("2026-03-04", "1.0800"))));

        FxConverter.Conversion conversion = converter.convert(new BigDecimal("-100.0000"), "USD", DAY, "EUR");

        assertThat(conversion.baseAmount()).isEqualTo(new BigDecimal("-92.5900"));
    }

    @Test
    void shouldMultiplyByTheBaseCurrencysRateOutOfEuro() {
        FxConverter converter = new FxConverter(rates(Map.of("GBP", history("2026-03-01", "0.8437"))));

        assertThat(converter.convert(new BigDecimal("10.0000"), "EUR", DAY, "GBP").baseAmount())
                .isEqualTo(new BigDecimal("8.4400"));
    }

    @Test
    void shouldCrossTwoForeignCurrenciesThroughTheirEuroRates() {
        FxConverter converter = new FxConverter(rates(Map.of(
                "USD", history("2026-03-04", "1.1000"), "CHF", history("2026-03-04", "0.9500"))));

        // 33 USD = 33 / 1.10 EUR = 30 EUR = 30 × 0.95 CHF = 28.50 CHF
        assertThat(converter.convert(new BigDecimal("33.0000"), "USD", DAY, "CHF").baseAmount())
                .isEqualTo(new BigDecimal("28.5000"));
    }

    @Test
    void shouldUseTheLastRatePublishedOnOrBeforeTheBookingDate() {
        FxConverter converter = new FxConverter(rates(Map.of("USD",
                history("2026-03-01", "1.0000", "2026-03-03", "1.2500", "2026-03-05", "2.0000"))));

        assertThat(converter.convert(new BigDecimal("-10.0000"), "USD", DAY, "EUR").baseAmount())
                .isEqualTo(new BigDecimal("-8.0000"));
        assertThat(converter.convert(new BigDecimal("-10.0000"), "USD", LocalDate.of(2026, 3, 5), "EUR").baseAmount())
                .isEqualTo(new BigDecimal("-5.0000"));
    }

    @Test
    void shouldRoundHalfEvenToTheMinorUnit() {
        FxConverter converter = new FxConverter(rates(Map.of("USD", history("2026-03-04", "2"))));

        // 0.25 / 2 = 0.125 → 0.12 (half to even); 0.35 / 2 = 0.175 → 0.18
        assertThat(converter.convert(new BigDecimal("0.2500"), "USD", DAY, "EUR").baseAmount())
                .isEqualTo(new BigDecimal("0.1200"));
        assertThat(converter.convert(new BigDecimal("0.3500"), "USD", DAY, "EUR").baseAmount())
                .isEqualTo(new BigDecimal("0.1800"));
    }

    @Test
    void shouldNotLookUpAnyRateForTheBaseCurrencyItself() {
        FxConverter converter = new FxConverter((currency, date) -> {
            throw new AssertionError("no lookup expected, asked for " + currency);
        });

        assertThat(converter.convert(new BigDecimal("-12.3456"), "GBP", DAY, "GBP").baseAmount())
                .isEqualTo(new BigDecimal("-12.3456"));
    }

    @Test
    void shouldNameTheCurrencyWithoutARateOnOrBeforeTheDay() {
        FxConverter converter = new FxConverter(rates(Map.of("USD", history("2026-03-05", "1.1"))));

        FxConverter.Conversion conversion = converter.convert(BigDecimal.ONE, "USD", DAY, "EUR");

        assertThat(conversion.converted()).isFalse();
        assertThat(conversion.missingRateCurrency()).isEqualTo("USD");
        assertThat(converter.convert(BigDecimal.ONE, "EUR", DAY, "JPY").missingRateCurrency()).isEqualTo("JPY");
    }
}
