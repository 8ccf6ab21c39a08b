package io.ledgerstream.connectors.csv;

import static io.ledgerstream.connectors.csv.CsvSamples.assertRow;
import static io.ledgerstream.connectors.csv.CsvSamples.in;
import static io.ledgerstream.connectors.csv.CsvSamples.sample;
import static io.ledgerstream.connectors.csv.CsvSamples.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.connectors.importer.StatementText;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The third-party CSV samples (see the bank-samples attribution), with expectations read off the
 * files by hand: count, sum, and the first and last rows to the cent with their sign.
 */
class CsvSampleFilesTest {

    private final CsvStatementParser parser = new CsvStatementParser();

    private static List<RawTransaction> parseClean(String name, String currency) throws Exception {
        return CsvSamples.parseClean(name, in(currency));
    }

    @Test
    @DisplayName("Chase: no header, YYYYMMDD timestamps, signed amounts; a CREDIT row with a minus stays money out")
    void shouldReadChaseWithoutHeader() throws Exception {
        List<RawTransaction> t = parseClean("reckon__chase.csv", "USD");
        assertThat(t).hasSize(9);
        assertThat(sum(t)).isEqualByComparingTo("6922.11");
        assertRow(t.getFirst(), "2009-12-24", "-85.00", "USD", "HOST 037196321563 MO 12/22SLICEHOST");
        assertRow(t.get(7), "2009-12-11", "-116.22", "USD", "PAYPAL TRANSFER PPD ID: PAYPALSDSL");
        assertRow(t.getLast(), "2009-12-10", "2105.00", "USD", "Some Company vendorpymt PPD ID: 5KL3832735");
    }

    @Test
    @DisplayName("Nationwide: named months, £ amounts, paid out / paid in told apart by the running balance")
    void shouldReadNationwideSplitColumnsByBalance() throws Exception {
        List<RawTransaction> t = parseClean("reckon__nationwide.csv", "GBP");
        assertThat(t).hasSize(4);
        assertThat(sum(t)).isEqualByComparingTo("360.23");
        assertRow(t.getFirst(), "2013-11-07", "500.00", "GBP", "Bank credit");
        assertRow(t.getLast(), "2013-12-10", "-100.00", "GBP", "ATM Withdrawal 4");
    }

    @Test
    @DisplayName("Nordea: semicolons, DD-MM-YYYY, decimal comma, balance column ignored")
    void shouldReadNordeaWithDecimalComma() throws Exception {
        List<RawTransaction> t = parseClean("reckon__danish_kroner_nordea_example.csv", "DKK");
        assertThat(t).hasSize(6);
        assertThat(sum(t)).isEqualByComparingTo("-4732.00");
        assertRow(t.getFirst(), "2012-11-16", "-48.00", "DKK", "Dankort-nota DSB Kobenhavn 15149");
        assertRow(t.get(2), "2012-10-22", "497.90", "DKK", "Dankort-nota H&M Hennes & M 10681");
        assertRow(t.getLast(), "2012-08-27", "-655.00", "DKK", "Dankort-nota MATAS - 20319 18230");
    }

    @Test
    @DisplayName("French bank: account number and reference columns are not amounts; DD/MM/YYYY")
    void shouldReadFrenchExample() throws Exception {
        List<RawTransaction> t = parseClean("reckon__french_example.csv", "EUR");
        assertThat(t).hasSize(9);
        assertThat(sum(t)).isEqualByComparingTo("-337.44");
        assertRow(t.getFirst(), "2014-01-22", "-10.00", "EUR",
                "CHEQUE 012345678901234578ABC000 0000 4381974748378178473744441");
        assertRow(t.getLast(), "2014-01-21", "-25.65", "EUR", "CARTE 012345 CB:*0123456 XXXXXX XXXXXXXX33ST ANDRE 935/");
    }

    @Test
    @DisplayName("Two money columns with -$ and +$, M/D/YYYY settled by 3/28/2008; check numbers are not amounts")
    void shouldReadTwoMoneyColumns() throws Exception {
        List<RawTransaction> t = parseClean("reckon__two_money_columns.csv", "USD");
        assertThat(t).hasSize(5);
        assertThat(sum(t)).isEqualByComparingTo("-548.51");
        assertRow(t.getFirst(), "2008-04-01", "-76.00", "USD", "Check - 0000000122");
        assertRow(t.get(1), "2008-03-28", "327.49", "USD", "BLARG R SH 456930");
        assertRow(t.getLast(), "2008-03-26", "88.55", "USD", "Check - 0000000251");
    }

    @Test
    @DisplayName("Accounting negatives ($85.00) and $.23, YYYY/MM/DD")
    void shouldReadAccountingNegatives() throws Exception {
        List<RawTransaction> t = parseClean("reckon__some_other.csv", "USD");
        assertThat(t).hasSize(9);
        assertThat(sum(t)).isEqualByComparingTo("6954.57");
        assertRow(t.getFirst(), "2011-12-24", "-85.00", "USD", "HOST 037196321563 MO 12/22SLICEHOST");
        assertRow(t.get(5), "2006-12-24", "0.23", "USD", "WEBSITE-BALANCE-17DEC09 12 12/17WEBSITE-BAL");
        assertRow(t.getLast(), "2003-12-24", "2105.00", "USD", "Some Company vendorpymt PPD ID: 5KL3832735");
    }

    @Test
    @DisplayName("Credit card writing purchases positive with a DEBIT flag: purchases become money out")
    void shouldInvertCreditCardSigns() throws Exception {
        List<RawTransaction> t = parseClean("reckon__inversed_credit_card.csv", "NZD");
        assertThat(t).hasSize(16);
        assertThat(sum(t)).isEqualByComparingTo("187.01");
        assertRow(t.getFirst(), "2013-01-17", "-30.00", "NZD", "VODAFONE PREPAY VISA M AUCKLAND NZL");
        assertRow(t.get(3), "2013-01-19", "500.00", "NZD", "INTERNET PAYMENT RECEIVED");
        assertRow(t.getLast(), "2013-02-17", "18.00", "NZD", "INTERNET PAYMENT RECEIVED");
    }

    @Test
    @DisplayName("Lloyds: header with trailing comma, Debit Amount / Credit Amount, DD/MM/YYYY")
    void shouldReadLloydsDebitCreditColumns() throws Exception {
        List<RawTransaction> t = parseClean("ofxstatement-lloyds__sample-statement.csv", "GBP");
        assertThat(t).hasSize(12);
        assertThat(sum(t)).isEqualByComparingTo("-3881.99");
        assertRow(t.getFirst(), "2024-01-15", "-8.99", "GBP", "ACME STORE CD 1417 14JAN24");
        assertRow(t.get(3), "2023-12-01", "2000", "GBP", "HHHHH LTD RP555000111222333 207348 10 01DEC23 16:05");
        assertRow(t.getLast(), "2023-12-01", "500", "GBP", "CLIENT CO LTD 400000005566778899 306364 10 01DEC23 09:15");
    }

    @Test
    @DisplayName("first direct: its only date 10/02/2018 reads both ways, so the file is refused unless told")
    void shouldRefuseFirstDirectAmbiguousDateUnlessTold() throws Exception {
        assertThatThrownBy(() -> parser.parse(sample("bank2ynab__20180226_12345678.csv"), in("GBP")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("column 1 ('Date')")
                .hasMessageContaining("'10/02/2018' (line 2)")
                .hasMessageContaining("pass --csv date-order=day-first or --csv date-order=month-first");

        ParseResult told = new CsvStatementParser(DayMonthOrder.DAY_FIRST)
                .parse(sample("bank2ynab__20180226_12345678.csv"), in("GBP"));
        assertThat(told.transactions()).hasSize(1);
        assertRow(told.transactions().getFirst(), "2018-02-10", "-5.00", "GBP", "MERCHANT NAME@12:34");

        List<RawTransaction> byOption = CsvSamples.parseClean("bank2ynab__20180226_12345678.csv",
                in("GBP", null, Map.of("date-order", "day-first")));
        assertThat(byOption).isEqualTo(told.transactions());
        List<RawTransaction> byProfile = CsvSamples.parseClean("bank2ynab__20180226_12345678.csv",
                in(null, "first-direct", Map.of()));
        assertThat(byProfile).isEqualTo(told.transactions());
    }

    @Test
    @DisplayName("Commerzbank: German header, Buchungstag over Wertstellung, currency from the Währung column")
    void shouldReadCommerzbankGermanHeader() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV", null);
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-03-02", "-17.22", "EUR",
                "Kartenzahlung REWE SAGT DANKE. 41400673//Hamburg 2018-03-01T11:33:59 KFN 1 VJ 1812");
    }

    @Test
    @DisplayName("Raiffeisen tab file: no header, two unsigned amount columns and no balance: refused, saying so")
    void shouldRefuseTabFileWithUnnamedUnsignedAmountColumns() {
        assertThatThrownBy(() -> parser.parse(sample("bank2ynab__test_delimiter_tab.csv"), in("EUR")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("bank2ynab__test_delimiter_tab.csv")
                .hasMessageContaining("column 4 and column 5")
                .hasMessageContaining("which is money out");
    }

    @Test
    @DisplayName("Raiffeisen tab file: detected as TAB-delimited windows-1252 text")
    void shouldDetectTabDelimiterAndAnsiEncoding() throws Exception {
        assertThatThrownBy(() -> CsvStatementParser.detectLayout(sample("bank2ynab__test_delimiter_tab.csv")))
                .hasMessageContaining("column 4 and column 5");
        CsvText text = CsvText.decode(java.nio.file.Files.readAllBytes(sample("bank2ynab__test_delimiter_tab.csv")));
        assertThat(text.charset()).isEqualTo(StatementText.WINDOWS_1252);
        assertThat(CsvTokenizer.rows(text, '\t', 100)).hasSize(74).allSatisfy(row -> assertThat(row.cells()).hasSize(5));
    }

    @Test
    @DisplayName("PayPal header-only file with a BOM: a valid empty statement")
    void shouldReadHeaderOnlyFileAsEmptyStatement() throws Exception {
        ParseResult result = parser.parse(sample("reckon__bom_utf8_file.csv"), in(null));
        assertThat(result.rowsRead()).isZero();
        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
        CsvLayout layout = CsvStatementParser.detectLayout(sample("reckon__bom_utf8_file.csv"));
        assertThat(layout.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(layout.headerLine()).isEqualTo(1);
        assertThat(layout.dateColumn()).isZero();
        assertThat(layout.column(ColumnRole.CURRENCY)).isEqualTo(6);
    }

    @Test
    @DisplayName("John Lewis card: BOM, 'Pending' rows skipped, £ with thousands; only '+ £1,100.00' is money in")
    void shouldReadJohnLewisCardWithPendingRowsAndPlusMarkedCredits() throws Exception {
        ParseResult result = parser.parse(sample("bank2ynab__MS_JANE_SMITH_01-12-2019_14-12-2019.csv"), in("GBP"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(13);
        assertThat(result.skipped()).containsExactlyEntriesOf(Map.of(RowKinds.PENDING, 3));
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(10);
        assertThat(sum(t)).isEqualByComparingTo("-285.80");
        assertRow(t.getFirst(), "2019-12-12", "-1183.23", "GBP", "ROYAL LONDON INSURANCE 01222 61234 GBR");
        assertRow(t.getLast(), "2019-12-02", "1100.00", "GBP", "PAYMENT RECEIVED - THANK YOU");
    }

    @Test
    @DisplayName("ING legacy: no header, YYYYMMDD, unsigned \"136,13\" with an Af/Bij flag; a ragged first row is kept")
    void shouldReadIngAfBijFlag() throws Exception {
        List<RawTransaction> t = parseClean("reckon__ing.csv", "EUR");
        assertThat(t).hasSize(3);
        assertThat(sum(t)).isEqualByComparingTo("-18.63");
        assertRow(t.getFirst(), "2012-11-15", "-136.13", "EUR", "Acc");
        assertRow(t.getLast(), "2009-11-17", "-257.50", "EUR", "NL28 INGB 1200 3244 16");
    }

    @Test
    @DisplayName("Australian 'DD-Mon-Y' dates with one- and two-digit years; running balance ignored")
    void shouldReadNamedMonthsWithShortYears() throws Exception {
        List<RawTransaction> t = parseClean("reckon__harder_date_example.csv", "AUD");
        assertThat(t).hasSize(5);
        assertThat(sum(t)).isEqualByComparingTo("-123.12");
        assertRow(t.getFirst(), "2009-11-10", "-123.12", "AUD", "TRANSFER DEBIT INTERNET TRANSFER");
        assertRow(t.get(1), "2010-11-09", "123.12", "AUD", "SALARY SALARY");
        assertRow(t.getLast(), "2010-10-28", "-123.12", "AUD", "TRANSFER DEBIT INTERNET TRANSFER");
    }

    @Test
    @DisplayName("easybank: explicit +/- with decimal comma, dotted dates, currency from the row, no --currency needed")
    void shouldReadAustrianExplicitSignsAndCurrencyColumn() throws Exception {
        List<RawTransaction> t = parseClean("reckon__austrian_example.csv", null);
        assertThat(t).hasSize(13);
        assertThat(sum(t)).isEqualByComparingTo("-149.57");
        assertThat(t.getFirst().getBookedAt()).isEqualTo("2014-01-22");
        assertThat(t.getFirst().getAmount()).isEqualTo("-18.00");
        assertThat(t.getFirst().getCurrency()).isEqualTo("EUR");
        assertThat(t.getFirst().getDescription()).startsWith("Abbuchung Onlinebanking 654321098765 BG/000002462");
        assertThat(t.get(2).getAmount()).isEqualTo("120.00");
        assertRow(t.getLast(), "2014-01-02", "-39.00", "EUR", "Abbuchung Onlinebanking FE/000002450"
                + " AT556600055665566556 CD Stadt Efghij Club Dipl.Ing. Max Muster M005566 - Mitgliedsbeitrag 2014");
    }

    @Test
    void shouldGiveSameIdsWhenTheSameSampleIsParsedTwice() throws IOException, URISyntaxException {
        List<String> first = parser.parse(sample("reckon__chase.csv"), in("USD")).transactions().stream()
                .map(RawTransaction::getTransactionId).toList();
        List<String> second = parser.parse(sample("reckon__chase.csv"), in("USD")).transactions().stream()
                .map(RawTransaction::getTransactionId).toList();
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().allMatch(id -> id.startsWith("h-"));
    }
}
