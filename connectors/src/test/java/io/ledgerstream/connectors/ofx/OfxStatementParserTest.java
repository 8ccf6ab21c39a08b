package io.ledgerstream.connectors.ofx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfxStatementParserTest {

    private static final String SGML_HEADER = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102
            SECURITY:NONE
            ENCODING:USASCII
            CHARSET:1252
            COMPRESSION:NONE
            OLDFILEUID:NONE
            NEWFILEUID:NONE

            """;

    @TempDir
    Path dir;

    private final OfxStatementParser parser = new OfxStatementParser();

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String bankStatement(String account, String curdef, String rows) {
        return "<STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n<STMTRS><CURDEF>" + curdef
                + "<BANKACCTFROM><BANKID>1<ACCTID>" + account + "<ACCTTYPE>CHECKING</BANKACCTFROM>\n"
                + "<BANKTRANLIST><DTSTART>20240101<DTEND>20240131\n" + rows
                + "</BANKTRANLIST><LEDGERBAL><BALAMT>10.00<DTASOF>20240131</LEDGERBAL></STMTRS></STMTTRNRS>\n";
    }

    private static String sgml(String statements) {
        return SGML_HEADER + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
                + "<DTSERVER>20240201<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n" + statements
                + "</BANKMSGSRSV1></OFX>\n";
    }

    private static String row(String fitId, String date, String amount, String name) {
        return "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>" + date + "<TRNAMT>" + amount + "<FITID>" + fitId
                + "<NAME>" + name + "</STMTTRN>\n";
    }

    @Test
    void shouldReportABadRowWithItsLineAndElementWhileTheOthersParse() throws IOException {
        Path file = file("bad.ofx", sgml(bankStatement("ACC", "EUR",
                row("1", "20240105", "-1.00", "ONE") + row("2", "20240106", "12,3x", "TWO")
                        + row("3", "2024-01-07", "-3.00", "THREE") + row("4", "20240108", "-4.00", "FOUR"))));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        // header (10 lines) + sign-on line + <BANKMSGSRSV1> + 3 statement lines: rows start on line 16
        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId).containsExactly("ACC:1", "ACC:4");
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::reason)
                .containsExactly(
                        tuple(17, "TRNAMT", "unparseable amount"),
                        tuple(18, "DTPOSTED", "invalid date"));
        assertThat(result.problems().get(0).detail()).contains("'12,3x'");
        assertThat(result.rowsRead()).isEqualTo(4);
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameFileIsParsedAgain() throws IOException {
        Path file = file("again.ofx", sgml(bankStatement("ACC", "EUR",
                row("A1", "20240105", "-1.00", "ONE") + row("", "20240106", "-2.00", "TWO"))));

        ParseResult first = parser.parse(file, ImportOptions.forUser("alice"));
        ParseResult second = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(first.transactions()).extracting(RawTransaction::getTransactionId)
                .containsExactlyElementsOf(second.transactions().stream().map(RawTransaction::getTransactionId).toList());
        assertThat(first.transactions().get(0).getTransactionId()).isEqualTo("ACC:A1");
        assertThat(first.transactions().get(1).getTransactionId()).startsWith("h-");
    }

    @Test
    void shouldKeepIdenticalRowsWithoutFitidAsTwoTransactions() throws IOException {
        String coffee = row("", "20240105", "-3.50", "COFFEE");
        Path file = file("coffee.ofx", sgml(bankStatement("ACC", "EUR", coffee + coffee)));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).hasSize(2);
        assertThat(result.transactions().get(0).getTransactionId())
                .isNotEqualTo(result.transactions().get(1).getTransactionId());
    }

    @Test
    void shouldKeepTheSameFitidOfTwoAccountsApartByAccount() throws IOException {
        Path file = file("two.ofx", sgml(bankStatement("CHK", "USD", row("7", "20240105", "-1.00", "A"))
                + bankStatement("SAV", "EUR", row("7", "20240105", "5.00", "B"))));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId).containsExactly("CHK:7", "SAV:7");
        assertThat(result.transactions()).extracting(RawTransaction::getCurrency).containsExactly("USD", "EUR");
        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsExactly("CHK", "SAV");
    }

    @Test
    void shouldRefuseAnEmptyCurdefWithoutCurrencyOptionAndUseTheOptionWhenGiven() throws IOException {
        Path file = file("nocur.ofx", sgml(bankStatement("ACC", "", row("1", "20240105", "-1.00", "A"))));

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("empty CURDEF")
                .hasMessageContaining("--currency");
        ParseResult result = parser.parse(file, ImportOptions.forUser("alice").withCurrency("gbp"));
        assertThat(result.transactions()).extracting(RawTransaction::getCurrency).containsExactly("GBP");
    }

    @Test
    void shouldUseTheAccountOptionWhenTheStatementNamesNoAccount() throws IOException {
        String statement = "<STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>" + row("9", "20240105", "-1.00", "A")
                + "</BANKTRANLIST></STMTRS></STMTTRNRS>";
        Path file = file("noacct.ofx", sgml(statement));

        ParseResult result = parser.parse(file, new ImportOptions("alice", "main"));

        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsExactly("main");
        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId).containsExactly("main:9");
    }

    @Test
    void shouldSkipPendingRowsAndKeepZeroAmounts() throws IOException {
        String rows = row("1", "20240105", "0.00", "ZERO")
                + "<STMTTRN><TRNTYPE>HOLD<DTPOSTED>20240106<TRNAMT>-9.00<FITID>2<NAME>HELD</STMTTRN>\n";
        String statement = bankStatement("ACC", "EUR", rows).replace("</STMTRS>",
                "<BANKTRANLISTP><DTASOF>20240131<STMTTRNP><TRNTYPE>POS<DTTRAN>20240130<TRNAMT>-4.00"
                        + "<NAME>SHOP</STMTTRNP></BANKTRANLISTP></STMTRS>");
        Path file = file("pending.ofx", sgml(statement));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("0.00");
        assertThat(result.skipped()).isEqualTo(Map.of("pending (TRNTYPE HOLD)", 1, "pending (STMTTRNP)", 1));
    }

    @Test
    void shouldReadACreditCardChargeAsNegativeAndAPaymentAsPositive() throws IOException {
        String card = "<CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>"
                + "<CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>4111</CCACCTFROM><BANKTRANLIST>\n"
                + row("c1", "20240105", "-42.10", "AMAZON MKTP")
                + "<STMTTRN><TRNTYPE>PAYMENT<DTPOSTED>20240120<TRNAMT>100.00<FITID>c2<NAME>THANK YOU</STMTTRN>\n"
                + "</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>";
        Path file = file("card.qfx", sgml("").replace("<BANKMSGSRSV1>\n</BANKMSGSRSV1>", card));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("-42.10", "100.00");
        assertThat(result.transactions()).extracting(RawTransaction::getMerchant).containsExactly("AMAZON MKTP", "THANK YOU");
        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId).containsExactly("4111:c1", "4111:c2");
    }

    @Test
    void shouldTolerateAnEmptyUnclosedSgmlNameAndDecodeEntitiesAndCommaDecimals() throws IOException {
        String rows = "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-1,25<FITID>1<NAME>\n<MEMO>A &amp; B</STMTTRN>\n"
                + "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240106<TRNAMT>-.50<FITID>2<NAME>C&amp;D</STMTTRN>\n";
        Path file = file("tolerant.ofx", sgml(bankStatement("ACC", "EUR", rows)));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("-1.25", "-0.50");
        assertThat(result.transactions()).extracting(RawTransaction::getDescription).containsExactly("A & B", "C&D");
        assertThat(result.transactions()).extracting(RawTransaction::getMerchant).containsExactly(null, "C&D");
    }

    @Test
    void shouldRefuseAnInvestmentOnlyFile() throws IOException {
        Path file = file("invest.ofx", SGML_HEADER + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO"
                + "</STATUS></SONRS></SIGNONMSGSRSV1><INVSTMTMSGSRSV1><INVSTMTTRNRS><TRNUID>1"
                + "<STATUS><CODE>0<SEVERITY>INFO</STATUS><INVSTMTRS><DTASOF>20240131<CURDEF>USD"
                + "<INVACCTFROM><BROKERID>b.com<ACCTID>99</INVACCTFROM></INVSTMTRS></INVSTMTTRNRS>"
                + "</INVSTMTMSGSRSV1></OFX>");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("investment-only OFX");
    }

    @Test
    void shouldRefuseAFailedSignOn() throws IOException {
        Path file = file("signon.ofx", SGML_HEADER + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>15500"
                + "<SEVERITY>ERROR<MESSAGE>Invalid user ID or password</STATUS></SONRS></SIGNONMSGSRSV1></OFX>");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("refused the sign-on with code 15500 (ERROR) \"Invalid user ID or password\"");
    }

    @Test
    void shouldRefuseAFileWithoutAnOfxElement() throws IOException {
        Path file = file("not.ofx", "OFXHEADER:100\nthis is not a statement\n");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no <OFX> element");
    }

    @Test
    @DisplayName("a file of nothing but start tags is refused, not a stack overflow or minutes of work")
    void shouldRefuseElementsNestedDeeperThanAnyStatement() throws IOException {
        Path file = file("deep.ofx", SGML_HEADER + "<OFX>" + "<A>".repeat(50_000) + "</OFX>");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("nested more than 256 deep at line 11"));
    }
}
