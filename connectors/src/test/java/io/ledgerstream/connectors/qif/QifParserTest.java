package io.ledgerstream.connectors.qif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QifParserTest {

    private static final ImportOptions EUR = new ImportOptions("alice", "acc-1", "EUR");

    @TempDir
    Path dir;

    private final QifParser parser = new QifParser();

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("statement.qif"), content, StandardCharsets.UTF_8);
    }

    private ParseResult parse(String content) throws IOException {
        return parser.parse(file(content), EUR);
    }

    private static List<String> amounts(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getAmount).toList();
    }

    @Test
    void shouldKeepTwoIdenticalRowsAsTwoTransactionsWithDistinctIds() throws IOException {
        ParseResult result = parse("!Type:Bank\nD3/20/2024\nT-3.50\nPCoffee\n^\nD3/20/2024\nT-3.50\nPCoffee\n^\n");

        assertThat(result.transactions()).hasSize(2);
        assertThat(result.transactions().get(0).getTransactionId())
                .isNotEqualTo(result.transactions().get(1).getTransactionId());
    }

    @Test
    void shouldGiveIdenticalIdsWhenTheSameFileIsParsedTwice() throws IOException {
        Path path = file("!Type:Bank\nD3/20/2024\nT-3.50\nPCoffee\n^\nD3/20/2024\nT-3.50\nPCoffee\n^\nD3/21/2024\nT9\n^\n");

        List<String> first = parser.parse(path, EUR).transactions().stream().map(RawTransaction::getTransactionId).toList();
        List<String> second = parser.parse(path, EUR).transactions().stream().map(RawTransaction::getTransactionId).toList();

        assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void shouldReportBadRowsWithTheirLineAndFieldWhileTheRestParse() throws IOException {
        ParseResult result = parse("""
                !Type:Bank
                D3/20/2024
                T-3.50
                ^
                D3/21/2024
                Tabc
                PBroken amount
                ^
                D2/30/2024
                T1.00
                ^
                PNo date
                T1.00
                ^
                D3/22/2024
                T4.00
                ^
                """);

        assertThat(amounts(result)).containsExactly("-3.50", "4.00");
        assertThat(result.rowsRead()).isEqualTo(5);
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::reason)
                .containsExactly(
                        tuple(5, "T", "unparseable amount"),
                        tuple(9, "D", "invalid date"),
                        tuple(12, "D", "missing"));
        assertThat(result.problems().get(0).file()).isEqualTo("statement.qif");
    }

    @Test
    void shouldReportSplitsThatDoNotAddUpAndStillKeepTheTransactionForItsTotal() throws IOException {
        ParseResult result = parse("!Type:Bank\nD3/20/2024\nT-10.00\nPShop\nSFood\n$-6.00\nSHome\n$-3.00\n^\n");

        assertThat(amounts(result)).containsExactly("-10.00");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("$");
            assertThat(p.reason()).isEqualTo("splits do not add up");
            assertThat(p.detail()).contains("-9.00").contains("-10.00");
        });
    }

    @Test
    void shouldReadThousandsCommasExactlyAndKeepZeroAmounts() throws IOException {
        ParseResult result = parse("!Type:Bank\nD1/15/2024\nT-1,234.56\n^\nD1/16/2024\nU1,000,000.01\n^\nD1/17/2024\nT0.00\nPFee waived\n^\n");

        assertThat(amounts(result)).containsExactly("-1234.56", "1000000.01", "0.00");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void shouldReadDayFirstWhenAnyDateHasADayAbove12() throws IOException {
        ParseResult result = parse("!Type:Bank\nD3/4/2024\nT1\n^\nD25/12/2024\nT2\n^\nD1/ 2'24\nT3\n^\n");

        assertThat(result.transactions()).extracting(RawTransaction::getBookedAt)
                .containsExactly("2024-04-03", "2024-12-25", "2024-02-01");
    }

    @Test
    void shouldReadMonthFirstWhenAnyDateHasASecondPartAbove12() throws IOException {
        ParseResult result = parse("!Type:Bank\nD3/4/2024\nT1\n^\nD12/25'2024\nT2\n^\nD2024-05-06\nT3\n^\nD1/2/99\nT4\n^\n");

        assertThat(result.transactions()).extracting(RawTransaction::getBookedAt)
                .containsExactly("2024-03-04", "2024-12-25", "2024-05-06", "1999-01-02");
    }

    @Test
    void shouldRefuseWhenNoDateTellsTheDayMonthOrder() throws IOException {
        Path path = file("!Type:Bank\nD3/4/2024\nT1\n^\nD5/6/2024\nT2\n^\n");

        assertThatThrownBy(() -> parser.parse(path, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("day/month order").hasMessageContaining("ambiguous").hasMessageContaining("3/4/2024");
    }

    @Test
    void shouldRefuseWhenDatesContradictEachOther() throws IOException {
        Path path = file("!Type:Bank\nD25/4/2024\nT1\n^\nD5/26/2024\nT2\n^\n");

        assertThatThrownBy(() -> parser.parse(path, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("day/month order").hasMessageContaining("contradictory");
    }

    @Test
    void shouldRefuseAnInvestmentOnlyFile() throws IOException {
        Path path = file("!Type:Invst\nD2/14'2020\nNBuy\nYAAPL\nI32.00\nQ10\nT320.00\n^\n");

        assertThatThrownBy(() -> parser.parse(path, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("only investment transactions");
    }

    @Test
    void shouldRefuseAFileOfListsOnly() throws IOException {
        Path path = file("!Type:Cat\nNFood\nE\n^\n!Type:Class\nNHome\n^\n");

        assertThatThrownBy(() -> parser.parse(path, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no account transactions");
    }

    @Test
    void shouldRefuseTextWithoutAnyQifHeader() throws IOException {
        Path path = file("Date,Amount\n2024-01-01,5\n");

        assertThatThrownBy(() -> parser.parse(path, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("not a QIF file");
    }

    @Test
    void shouldAcceptAnEmptyBankSectionAsAnEmptyStatement() throws IOException {
        ParseResult result = parse("!Type:Bank\n");

        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isZero();
    }

    @Test
    void shouldTakeTheAccountFromTheAccountBlockAndKeepCardSignsAsWritten() throws IOException {
        ParseResult result = parse("""
                !Option:AutoSwitch
                !Account
                NVisa Gold
                TCCard
                ^
                !Clear:AutoSwitch
                !Type:CCard
                D1/15/2024
                T-42.00
                PBookshop
                ^
                D1/16/2024
                T100.00
                PPayment - thank you
                ^
                """);

        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsOnly("Visa Gold");
        assertThat(amounts(result)).containsExactly("-42.00", "100.00");
    }

    @Test
    void shouldSkipAndCountInvestmentRecordsInAMixedFile() throws IOException {
        ParseResult result = parse("!Type:Bank\nD1/15/2024\nT-5\n^\n!Type:Invst\nD1/16/2024\nNBuy\nT100\n^\n");

        assertThat(amounts(result)).containsExactly("-5");
        assertThat(result.skipped()).isEqualTo(Map.of(QifParser.SKIPPED_INVESTMENT, 1));
        assertThat(result.rowsRead()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnUnknownCurrencyCode() throws IOException {
        Path path = file("!Type:Bank\nD1/15/2024\nT-5\n^\n");

        assertThatThrownBy(() -> parser.parse(path, new ImportOptions("alice", null, "XYZ1")))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("ISO 4217");
    }

    @Test
    void shouldReadWindows1252TextThatIsNotUtf8() throws IOException {
        Path path = dir.resolve("ansi.qif");
        Files.write(path, "!Type:Bank\r\nD1/15/2024\r\nT-5.00\r\nPCaf\u00e9 M\u00fcller\r\n^\r\n"
                .getBytes(Charset.forName("windows-1252")));

        ParseResult result = parser.parse(path, EUR);

        assertThat(result.transactions()).singleElement()
                .satisfies(t -> assertThat(t.getMerchant()).isEqualTo("Caf\u00e9 M\u00fcller"));
    }
}
