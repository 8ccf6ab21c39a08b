package io.ledgerstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerchantNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CARD ****1234 TESCO STORES 3297|Tesco Stores",
            "PAYPAL *NETFLIX 4029357733|Netflix",
            "POS CORNER SHOP 12 06.03.|Corner Shop",
            "SEPA-LASTSCHRIFT STADTWERKE MUENCHEN GMBH KD 4711|Stadtwerke Muenchen Gmbh",
            "KARTENZAHLUNG 04.03.2026 12:31 REWE MARKT #1234|Rewe Markt",
            "CONTACTLESS PURCHASE BOOKING.COM AMSTERDAM|Booking.com Amsterdam",
            "APPLE STORE R123|Apple Store R123",
    })
    void shouldDeriveAMerchantFromTheDescription(String description, String merchant) {
        assertThat(MerchantNormalizer.normalize(null, description)).isEqualTo(merchant);
    }

    @Test
    void shouldKeepTheMerchantTheFeedNamesWithTidySpaces() {
        assertThat(MerchantNormalizer.normalize("  Tesco   Express ", "CARD 1234 SOMETHING ELSE")).isEqualTo("Tesco Express");
    }

    @Test
    void shouldFindNoMerchantInADescriptionOfNumbersOnly() {
        assertThat(MerchantNormalizer.normalize(" ", "CARD ****1234 04.03.2026 12:00")).isNull();
        assertThat(MerchantNormalizer.normalize(null, "")).isNull();
    }
}
