package io.ledgerstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerchantNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // known merchants, however the bank writes them
            "AMZN MKTP US*2K4XY|Amazon",
            "Amazon.co.uk*RT5YH1|Amazon",
            "CARD ****1234 TESCO STORES 3297|Tesco",
            "PAYPAL *NETFLIX 4029357733|Netflix",
            "UBER *EATS HELP.UBER.COM|Uber Eats",
            "UBER *TRIP 8KD72|Uber",
            "SQ *STARBUCKS 0412 SEATTLE|Starbucks",
            "CARD PAYMENT TO SAINSBURYS S/MKTS|Sainsbury's",
            // processors' prefixes, card and store numbers, places
            "SQ *BLUE BOTTLE|Blue Bottle",
            "SQ*BLUE BOTTLE COFFEE OAKLAND|Blue Bottle Coffee",
            "SUMUP *CAFE LUNA 123|Cafe Luna",
            "IZ *THE FLOWER STALL|The Flower Stall",
            "POS CORNER SHOP 12 06.03.|Corner Shop",
            "CORNER SHOP LONDON GB|Corner Shop",
            "GREEN GROCER NEW YORK NY|Green Grocer",
            "SEPA-LASTSCHRIFT STADTWERKE MUENCHEN GMBH KD 4711|Stadtwerke Muenchen Gmbh",
            "KARTENZAHLUNG 04.03.2026 12:31 REWE MARKT #1234|Rewe",
            "CONTACTLESS PURCHASE HOTEL CENTRAL AMSTERDAM|Hotel Central",
            "APPLE STORE R123|Apple Store R123",
            // a place alone is a name, not something to drop
            "LONDON|London",
    })
    void shouldDeriveAMerchantFromTheDescription(String description, String merchant) {
        assertThat(MerchantNormalizer.normalize(null, description)).isEqualTo(merchant);
    }

    @Test
    void shouldKeepTheMerchantTheFeedNamesWithTidySpaces() {
        assertThat(MerchantNormalizer.normalize("  Corner   Café ", "CARD 1234 SOMETHING ELSE")).isEqualTo("Corner Café");
    }

    @Test
    void shouldNameAKnownMerchantTheFeedNamesItsOwnWay() {
        assertThat(MerchantNormalizer.normalize("AMZN Mktp DE", "ORDER 302-1234")).isEqualTo("Amazon");
        assertThat(MerchantNormalizer.normalize("SQ *Blue Bottle", "")).isEqualTo("Blue Bottle");
    }

    @Test
    void shouldNotTakeAKnownNameForAWordThatOnlyStartsLikeIt() {
        // whole words only: "Ubering" is not Uber, "Tescoville" is not Tesco
        assertThat(MerchantNormalizer.normalize(null, "UBERING LTD")).isEqualTo("Ubering Ltd");
        assertThat(MerchantNormalizer.normalize(null, "TESCOVILLE FARM SHOP")).isEqualTo("Tescoville Farm Shop");
    }

    @Test
    void shouldFindNoMerchantInADescriptionOfNumbersOnly() {
        assertThat(MerchantNormalizer.normalize(" ", "CARD ****1234 04.03.2026 12:00")).isNull();
        assertThat(MerchantNormalizer.normalize(null, "")).isNull();
    }
}
