package io.ledgerstream.api.http.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "-12.3400, EUR, -12.34",
            "0.0000, EUR, 0.00",
            "2500, EUR, 2500.00",
            "-5000.0000, JPY, -5000",
            "12.3450, BHD, 12.345",
            "12.3456, EUR, 12.3456",
            "12.3450, EUR, 12.345",
            "1.5000, XAU, 1.5",
            "100.0000, XYZ, 100",
            "123456789012345.1200, USD, 123456789012345.12"})
    void shouldFormatAtTheMinorUnitAndNeverDropSignificantDigits(String amount, String currency, String expected) {
        assertThat(Money.format(new BigDecimal(amount), currency)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"EUR, 2", "JPY, 0", "BHD, 3", "XAU, -1", "NOPE, -1"})
    void shouldKnowTheMinorUnitDigitsOfACurrency(String currency, int digits) {
        assertThat(Money.fractionDigits(currency)).isEqualTo(digits);
    }
}
