package io.ledgerstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptionRedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CARD 4111111111111234 TESCO|CARD ****1234 TESCO",
            "CARD 4111 1111 1111 1234 TESCO|CARD ****1234 TESCO",
            "CARD 4111-1111-1111-1234 TESCO|CARD ****1234 TESCO",
            "TO ACCOUNT 12345678|TO ACCOUNT ****5678",
            "IBAN DE89370400440532013000 RENT|IBAN ****3000 RENT",
            "IBAN DE89 3704 0044 0532 0130 00 RENT|IBAN ****3000 RENT",
            "IBAN GB29 NWBK 6016 1331 9268 19|IBAN ****6819",
    })
    void shouldMaskLongNumbersKeepingTheLastFourDigits(String description, String redacted) {
        assertThat(DescriptionRedactor.redact(description)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CARD 1234 TESCO STORES 3297",
            "BOOKED 2026-03-04 REF 1234567",
            "DATE 04-03-2026",
            "AMOUNT 1234.56 EUR",
            "PHONE 12 34 56",
    })
    void shouldLeaveShortNumbersAndDatesAlone(String description) {
        assertThat(DescriptionRedactor.redact(description)).isEqualTo(description);
    }

    @Test
    void shouldNotMaskDigitsThatArePartOfAWord() {
        assertThat(DescriptionRedactor.redact("ORDER AB123456789XY")).isEqualTo("ORDER AB123456789XY");
    }

    @Test
    void shouldPassNullThrough() {
        assertThat(DescriptionRedactor.redact(null)).isNull();
    }
}
