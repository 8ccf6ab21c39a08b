package io.ledgerstream.topology.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MCC and keyword rules shipped as resources. */
class RuleCategorizersTest {

    private static final MccCategorizer MCC = MccCategorizer.load(MccDirectory.load());
    private static final KeywordCategorizer KEYWORDS = KeywordCategorizer.load();

    private static TransactionFeatures features(String merchant, String description, String mcc, Direction direction) {
        return new TransactionFeatures("alice", "t-1", merchant, description, mcc, direction,
                direction == Direction.MONEY_IN ? BigDecimal.TEN : BigDecimal.TEN.negate());
    }

    @ParameterizedTest(name = "MCC {0} → {1}/{2}")
    @CsvSource({
            "3058, TRAVEL, FLIGHTS, false", "4511, TRAVEL, FLIGHTS, false", "3650, TRAVEL, LODGING, false",
            "7011, TRAVEL, LODGING, false", "5411, FOOD_AND_DRINK, GROCERIES, true", "5499, FOOD_AND_DRINK, GROCERIES, true",
            "5812, FOOD_AND_DRINK, RESTAURANTS, false", "5814, FOOD_AND_DRINK, FAST_FOOD, false",
            "4111, TRANSPORTATION, PUBLIC_TRANSIT, true", "5541, TRANSPORTATION, GAS, true", "7523, TRANSPORTATION, PARKING, true",
            "4900, RENT_AND_UTILITIES, UTILITIES, true", "4814, RENT_AND_UTILITIES, TELEPHONE, true",
            "8011, MEDICAL, , true", "5912, MEDICAL, PHARMACIES, true", "7230, PERSONAL_CARE, HAIR_AND_BEAUTY, false",
            "5211, HOME_IMPROVEMENT, HARDWARE, false", "7832, ENTERTAINMENT, MOVIES, false",
            "5815, ENTERTAINMENT, DIGITAL_MEDIA, false", "6011, TRANSFER_OUT, WITHDRAWAL, false",
            "6300, GENERAL_SERVICES, INSURANCE, true", "9311, GOVERNMENT_AND_NON_PROFIT, TAX_PAYMENT, true",
            "8398, GOVERNMENT_AND_NON_PROFIT, DONATIONS, false", "5732, GENERAL_MERCHANDISE, , false"})
    void shouldMapMerchantCategoryCodes(String mcc, Category category, String subcategory, boolean essential) {
        CategoryDecision decision = MCC.categorize(features(null, "", mcc, Direction.MONEY_OUT)).orElseThrow();

        assertThat(decision).isEqualTo(new CategoryDecision(category, subcategory, CategorySource.MCC, essential));
    }

    @Test
    void shouldLeaveUnlistedRetailCodesAndUnknownCodesUndecided() {
        assertThat(MCC.categorize(features(null, "", "5010", Direction.MONEY_OUT))).as("not in the reference list").isEmpty();
        assertThat(MCC.categorize(features(null, "", "1520", Direction.MONEY_OUT))).isEmpty();
        assertThat(MCC.categorize(features(null, "", null, Direction.MONEY_OUT))).isEmpty();
    }

    @Test
    void shouldTellCashWithdrawalsFromDepositsBySign() {
        assertThat(MCC.categorize(features(null, "", "6011", Direction.MONEY_IN))).get()
                .extracting(CategoryDecision::category).isEqualTo(Category.TRANSFER_IN);
    }

    @ParameterizedTest(name = "{1} ({2}) → {3}/{4}")
    @CsvSource(delimiter = '|', value = {
            "|SALARY MARCH ACME|MONEY_IN|INCOME|SALARY",
            "|PAYROLL 0326|MONEY_IN|INCOME|SALARY",
            "|RENT MARCH|MONEY_OUT|RENT_AND_UTILITIES|RENT",
            "|SEPA LANDLORD LTD|MONEY_OUT|RENT_AND_UTILITIES|RENT",
            "Aldi Süd||MONEY_OUT|FOOD_AND_DRINK|GROCERIES",
            "|ALBERT HEIJN 1234|MONEY_OUT|FOOD_AND_DRINK|GROCERIES",
            "Sainsbury's||MONEY_OUT|FOOD_AND_DRINK|GROCERIES",
            "|STARBUCKS 0042|MONEY_OUT|FOOD_AND_DRINK|COFFEE",
            "|MCDONALDS 22|MONEY_OUT|FOOD_AND_DRINK|FAST_FOOD",
            "|UBER EATS ORDER|MONEY_OUT|FOOD_AND_DRINK|RESTAURANTS",
            "|UBER *TRIP|MONEY_OUT|TRANSPORTATION|TAXIS_AND_RIDE_SHARES",
            "|DB BAHN ONLINE TICKET|MONEY_OUT|TRANSPORTATION|PUBLIC_TRANSIT",
            "|SHELL 1234 BERLIN|MONEY_OUT|TRANSPORTATION|GAS",
            "|PAYPAL *NETFLIX|MONEY_OUT|ENTERTAINMENT|TV_AND_MOVIES",
            "|AMAZON PRIME VIDEO|MONEY_OUT|ENTERTAINMENT|TV_AND_MOVIES",
            "|AMAZON EU SARL|MONEY_OUT|GENERAL_MERCHANDISE|ONLINE_MARKETPLACES",
            "|VODAFONE GMBH|MONEY_OUT|RENT_AND_UTILITIES|TELEPHONE",
            "|BRITISH GAS|MONEY_OUT|RENT_AND_UTILITIES|UTILITIES",
            "|APOTHEKE AM MARKT|MONEY_OUT|MEDICAL|PHARMACIES",
            "|PURE GYM LTD|MONEY_OUT|PERSONAL_CARE|GYMS_AND_FITNESS_CENTERS",
            "|AIRBNB * HMXYZ|MONEY_OUT|TRAVEL|LODGING",
            "|BOOKING.COM HOTEL|MONEY_OUT|TRAVEL|LODGING",
            "|OVERDRAFT FEE|MONEY_OUT|BANK_FEES|OVERDRAFT_FEES",
            "|ATM WITHDRAWAL FEE 12/03|MONEY_OUT|BANK_FEES|ATM_FEES",
            "|ATM WITHDRAWAL 12/03|MONEY_OUT|TRANSFER_OUT|WITHDRAWAL",
            "|CARD 1234 BUDGET RENT A CAR 55|MONEY_OUT|TRAVEL|RENTAL_CARS",
            "|ENTERPRISE CAR HIRE|MONEY_OUT|TRAVEL|RENTAL_CARS",
            "|BGC HMRC TAX REFUND|MONEY_IN|INCOME|TAX_REFUND",
            "|HMRC SELF ASSESSMENT|MONEY_OUT|GOVERNMENT_AND_NON_PROFIT|TAX_PAYMENT",
            "|MORTGAGE PAYMENT|MONEY_OUT|LOAN_PAYMENTS|MORTGAGE",
            "|TRANSFER TO SAVINGS|MONEY_OUT|TRANSFER_OUT|",
            "|TRANSFER FROM J SMITH|MONEY_IN|TRANSFER_IN|",
            "|AMAZON REFUND|MONEY_IN|GENERAL_MERCHANDISE|ONLINE_MARKETPLACES",
    })
    void shouldCategorizeByKeywords(String merchant, String description, Direction direction, Category category,
                                    String subcategory) {
        CategoryDecision decision = KEYWORDS.categorize(
                features(merchant, description == null ? "" : description, null, direction)).orElseThrow();

        assertThat(decision.category()).isEqualTo(category);
        assertThat(decision.subcategory()).isEqualTo(subcategory);
        assertThat(decision.source()).isEqualTo(CategorySource.KEYWORD);
    }

    @Test
    void shouldMatchWholeWordsOnly() {
        assertThat(KEYWORDS.categorize(features(null, "RENTAL AGREEMENT FEES XYZ", null, Direction.MONEY_OUT))).isEmpty();
        assertThat(KEYWORDS.categorize(features(null, "BPOST PARCEL", null, Direction.MONEY_OUT))).isEmpty();
        assertThat(KEYWORDS.categorize(features(null, "SALARY", null, Direction.MONEY_OUT)))
                .as("salary is money in only").isEmpty();
    }

    @Test
    void shouldMarkEssentialSpendingAndNeverMoneyIn() {
        assertThat(KEYWORDS.categorize(features("Tesco", "", null, Direction.MONEY_OUT)).orElseThrow().essential()).isTrue();
        assertThat(KEYWORDS.categorize(features("Netflix", "", null, Direction.MONEY_OUT)).orElseThrow().essential()).isFalse();
        assertThat(KEYWORDS.categorize(features(null, "SALARY", null, Direction.MONEY_IN)).orElseThrow().essential()).isFalse();
    }

    @Test
    void shouldReadTheWholeMccReferenceListDespiteItsCarriageReturnLineEnds() {
        MccDirectory directory = MccDirectory.load();

        assertThat(directory.size()).isGreaterThan(900);
        assertThat(directory.description("0742")).contains("Veterinary Services");
        assertThat(directory.description("5411")).get().asString().containsIgnoringCase("grocery");
        assertThat(directory.isListed("9950")).isTrue();
        assertThat(directory.isListed("5010")).isFalse();
    }
}
