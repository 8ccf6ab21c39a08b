package io.ledgerstream.connectors.qif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The third-party QIF samples (see ATTRIBUTION.md), with expectations read off the files by hand. */
class QifSampleFilesTest {

    private static final ImportOptions USD = new ImportOptions("alice", "acc-1", "USD");

    private final QifParser parser = new QifParser();

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(QifSampleFilesTest.class.getResource("/bank-samples/qif/" + name).toURI());
    }

    private static BigDecimal sum(List<RawTransaction> transactions) {
        return transactions.stream().map(t -> new BigDecimal(t.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertRow(RawTransaction t, String bookedAt, String amount, String description, String merchant) {
        assertThat(t.getBookedAt()).isEqualTo(bookedAt);
        assertThat(t.getAmount()).isEqualTo(amount);
        assertThat(t.getDescription()).isEqualTo(description);
        assertThat(t.getMerchant()).isEqualTo(merchant);
        assertThat(t.getCurrency()).isEqualTo("USD");
        assertThat(t.getUserId()).isEqualTo("alice");
        assertThat(t.getAccountId()).isEqualTo("acc-1");
        assertThat(t.getMcc()).isNull();
        assertThat(t.getRemoved()).isFalse();
    }

    @Test
    @DisplayName("Actual Budget mock: three M/D/YY card-style spends on 2018-12-19, categories kept out of the text")
    void shouldParseActualBudgetFileWithTwoDigitYearsAndCategories() throws Exception {
        ParseResult result = parser.parse(sample("actual__data-with-categories.qif"), USD);

        assertThat(result.problems()).isEmpty();
        assertThat(result.skipped()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(3);
        List<RawTransaction> rows = result.transactions();
        assertThat(rows).hasSize(3);
        assertRow(rows.get(0), "2018-12-19", "-100.58", "Outlet", "Outlet");
        assertRow(rows.get(1), "2018-12-19", "-20.15", "GroceriesYou", "GroceriesYou");
        assertRow(rows.get(2), "2018-12-19", "-40.60", "RestaurantExample", "RestaurantExample");
        assertThat(sum(rows)).isEqualByComparingTo("-161.33");
        assertThat(rows).allSatisfy(t -> assertThat(t.getSource()).isEqualTo("import:actual__data-with-categories.qif"));

        // ids: content hash over account, date, amount, currency, payee, memo, check number
        ContentHashIds expected = new ContentHashIds();
        assertThat(rows.get(0).getTransactionId())
                .isEqualTo(expected.next(Arrays.asList("acc-1", "2018-12-19", "-100.58", "USD", "Outlet", null, null)));
        assertThat(rows.get(1).getTransactionId())
                .isEqualTo(expected.next(Arrays.asList("acc-1", "2018-12-19", "-20.15", "USD", "GroceriesYou", null, null)));
        assertThat(rows.get(2).getTransactionId())
                .isEqualTo(expected.next(Arrays.asList("acc-1", "2018-12-19", "-40.6", "USD", "RestaurantExample", null, null)));
    }

    @Test
    @DisplayName("quiffen test file: five bank rows, opening balance and investment skipped, lists ignored, splits add up")
    void shouldParseQuiffenFileSkippingOpeningBalanceInvestmentAndLists() throws Exception {
        ParseResult result = parser.parse(sample("quiffen__test.qif"), USD);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(7);
        assertThat(result.skipped()).isEqualTo(Map.of(
                QifParser.SKIPPED_OPENING_BALANCE, 1, QifParser.SKIPPED_INVESTMENT, 1));
        List<RawTransaction> rows = result.transactions();
        assertThat(rows).hasSize(5);
        // split: -15.00 + 82.50 = 67.50, one transaction for the total
        assertRow(rows.get(0), "2020-02-14", "67.50", "T-Mobile", "T-Mobile");
        assertRow(rows.get(1), "2020-02-14", "32.00", "US Post Office money back for damaged parcel", "US Post Office");
        assertRow(rows.get(2), "2020-02-12", "-10.00", "Target two transactions, equal", "Target");
        assertRow(rows.get(3), "2020-02-11", "-25.00", "Walmart non split transaction", "Walmart");
        // split lines carry their own D1/10'2020 (line 79); the transaction keeps its own date
        assertRow(rows.get(4), "2020-02-10", "-100.00", "Amazon.com test order 1", "Amazon.com");
        assertThat(sum(rows)).isEqualByComparingTo("-35.50");
        assertThat(rows).extracting(RawTransaction::getTransactionId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(ContentHashIds.PREFIX));
    }

    @Test
    void shouldRefuseQuiffenFileWithoutCurrencyTellingToPassCurrency() throws Exception {
        Path file = sample("quiffen__test.qif");

        assertThatThrownBy(() -> parser.parse(file, new ImportOptions("alice", null, null)))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("--currency");
    }

    @Test
    @DisplayName("quiffen split file: D1/ 1'00 is 2000-01-01 whatever the order; U and T agree; splits add up")
    void shouldParseQuiffenSplitFileWithPaddedApostropheDate() throws Exception {
        ParseResult result = parser.parse(sample("quiffen__test_split.qif"), USD);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(1);
        assertThat(result.transactions()).hasSize(1);
        assertRow(result.transactions().get(0), "2000-01-01", "-10.00", "A Payee", "A Payee");
    }

    @Test
    void shouldGiveTheSameIdsWhenASampleIsParsedAgain() throws IOException, URISyntaxException {
        Path file = sample("quiffen__test.qif");

        List<String> first = parser.parse(file, USD).transactions().stream().map(RawTransaction::getTransactionId).toList();
        List<String> second = parser.parse(file, USD).transactions().stream().map(RawTransaction::getTransactionId).toList();

        assertThat(second).hasSize(5).isEqualTo(first);
    }
}
