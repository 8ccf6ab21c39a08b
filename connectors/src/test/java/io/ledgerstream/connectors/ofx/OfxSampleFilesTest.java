package io.ledgerstream.connectors.ofx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real OFX files of shared/data/bank-samples/ofx; expected values read off the files by hand. */
class OfxSampleFilesTest {

    private final OfxStatementParser parser = new OfxStatementParser();

    private ParseResult parse(String name, ImportOptions options) throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/bank-samples/ofx/" + name).toURI());
        return parser.parse(file, options);
    }

    private ParseResult parse(String name) throws IOException, URISyntaxException {
        return parse(name, ImportOptions.forUser("alice"));
    }

    private static BigDecimal sum(List<RawTransaction> transactions) {
        return transactions.stream().map(t -> new BigDecimal(t.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertRow(RawTransaction row, String id, String bookedAt, String amount, String currency,
                                  String description, String merchant) {
        assertThat(row.getTransactionId()).isEqualTo(id);
        assertThat(row.getBookedAt()).isEqualTo(bookedAt);
        assertThat(row.getAmount()).isEqualTo(amount);
        assertThat(row.getCurrency()).isEqualTo(currency);
        assertThat(row.getDescription()).isEqualTo(description);
        assertThat(row.getMerchant()).isEqualTo(merchant);
    }

    @Test
    void shouldReadTheSgmlCheckingStatementWithTabsAndUnclosedLeaves() throws Exception {
        ParseResult result = parse("ofxparse__checking.ofx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(3);
        List<RawTransaction> rows = result.transactions();
        assertThat(rows).hasSize(3);
        assertRow(rows.get(0), "1452687~7:0000486", "2011-03-31", "0.01", "USD",
                "DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 ANNUAL PERCENTAGE YIELD EARNED IS 0.05%",
                "DIVIDEND EARNED FOR PERIOD OF 03");
        assertRow(rows.get(1), "1452687~7:0000487", "2011-04-05", "-34.51", "USD",
                "AUTOMATIC WITHDRAWAL, ELECTRIC BILL WEB(S )", "AUTOMATIC WITHDRAWAL, ELECTRIC BILL");
        assertRow(rows.get(2), "1452687~7:0000488", "2011-04-07", "-25.00", "USD",
                "RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11", "RETURNED CHECK FEE, CHECK # 319");
        assertThat(rows).extracting(RawTransaction::getAccountId).containsOnly("1452687~7");
        assertThat(rows).extracting(RawTransaction::getUserId).containsOnly("alice");
        assertThat(rows).extracting(RawTransaction::getSource).containsOnly("import:ofxparse__checking.ofx");
        assertThat(rows).extracting(RawTransaction::getMcc).containsOnlyNulls();
        assertThat(rows).extracting(RawTransaction::getRemoved).containsOnly(false);
        assertThat(sum(rows)).isEqualByComparingTo("-59.50");
    }

    @Test
    void shouldReadTheOneLineSgmlStatementInCanadianDollarsKeepingTheDateAsWritten() throws Exception {
        ParseResult result = parse("ofxparse__bank_medium.ofx");

        assertThat(result.problems()).isEmpty();
        List<RawTransaction> rows = result.transactions();
        assertThat(rows).hasSize(3);
        // DTPOSTED 20090401122017.000[-5:EST]: the date part, whatever the time zone
        assertRow(rows.get(0), "12300 000012345678:0000123456782009040100001", "2009-04-01", "-6.60", "CAD",
                "POS MERCHANDISE;MCDONALD'S #112", "MCDONALD'S #112");
        assertRow(rows.get(1), "12300 000012345678:0000123456782009040200004", "2009-04-02", "-316.67", "CAD",
                "MISCELLANEOUS PAYMENTS;Joe's Bald Hairstyles", "Joe's Bald Hairstyles");
        assertRow(rows.get(2), "12300 000012345678:0000123456782009040300005", "2009-04-03", "-22.00", "CAD",
                "POS MERCHANDISE;CONNIE'S HAIR D", "CONNIE'S HAIR D");
        assertThat(rows).extracting(RawTransaction::getAccountId).containsOnly("12300 000012345678");
        assertThat(sum(rows)).isEqualByComparingTo("-345.27");
    }

    @Test
    void shouldReadTheXmlStatementWithCdataNamesSingleSpaced() throws Exception {
        ParseResult result = parse("ofxparse__suncorp.ofx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).hasSize(1);
        RawTransaction row = result.transactions().get(0);
        assertRow(row, "123456789:1", "2013-12-15", "-16.85", "AUD",
                "EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU", "EFTPOS WDL HANDYWAY ALDI STORE");
        assertThat(row.getAccountId()).isEqualTo("123456789");
    }

    @Test
    void shouldReadTheCreditCardStatementWhoseXmlHeaderHidesUnclosedTags() throws Exception {
        ParseResult result = parse("ofxparse__anzcc.ofx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).hasSize(1);
        RawTransaction row = result.transactions().get(0);
        // a card charge is negative in OFX already: kept as written
        assertRow(row, "1234123412341234:201705080001", "2017-05-08", "-5.50", "AUD", "SOME MEMO", null);
        assertThat(row.getAccountId()).isEqualTo("1234123412341234");
    }

    @Test
    void shouldTakeTheRowCurrencyWhenCurdefIsEmptyAndHashTheRowWithAnEmptyFitid() throws Exception {
        ParseResult first = parse("ofxparse__ofx-v102-empty-tags.ofx");
        ParseResult again = parse("ofxparse__ofx-v102-empty-tags.ofx");

        assertThat(first.problems()).isEmpty();
        assertThat(first.transactions()).hasSize(1);
        RawTransaction row = first.transactions().get(0);
        // <CURDEF></CURDEF> is empty, but the row says <CURRENCY><CURSYM>AUD: its amount is in AUD
        assertThat(row.getTransactionId()).startsWith("h-").hasSize(34);
        assertRow(row, row.getTransactionId(), "2018-05-07", "12.34", "AUD", "CBA:Transfer", null);
        assertThat(row.getAccountId()).isEqualTo("12345678");
        assertThat(again.transactions().get(0).getTransactionId()).isEqualTo(row.getTransactionId());
    }

    @Test
    void shouldReadTwoAccountsWithEmptyStatementsAsAValidEmptyImport() throws Exception {
        ParseResult result = parse("ofxparse__multiple_accounts2.ofx");

        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isZero();
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void shouldRefuseTheErrorResponseNamingTheBanksCodeAndMessage() {
        assertThatThrownBy(() -> parse("ofxparse__error_message.ofx"))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("OFX error response")
                .hasMessageContaining("code 2000 (ERROR) \"General Server Error\"")
                .hasMessageContaining("line 22")
                .hasMessageContaining("no statement");
    }
}
