package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ledgerstream.connectors.importer.CsvMapping;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvStatementParserTest {

    private static final ImportOptions EUR = new ImportOptions("alice", "acc-1", "EUR");

    @TempDir
    Path dir;

    private final CsvStatementParser parser = new CsvStatementParser();

    private Path file(String content) throws IOException {
        return file(content, StandardCharsets.UTF_8);
    }

    private Path file(String content, Charset charset) throws IOException {
        return Files.write(dir.resolve("statement.csv"), content.getBytes(charset));
    }

    private static List<String> amounts(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getAmount).toList();
    }

    @Test
    void shouldSetEveryFieldOfEachTransactionAsTheSchemaRequires() throws IOException {
        // the mapper fills the record field by field, without the builder's checks
        Path csv = file("Date,Description,Payee,Amount\n13/02/2024,Coffee,,-3.50\n14/02/2024,,Bakery,-2.00\n");
        List<RawTransaction> transactions = parser.parse(csv, EUR).transactions();

        assertThat(transactions).hasSize(2).allSatisfy(transaction -> {
            assertThat(GenericData.get().validate(RawTransaction.getClassSchema(), transaction)).isTrue();
            assertThat(RawTransaction.newBuilder(transaction).build()).isEqualTo(transaction);
        });
        assertThat(transactions.get(1).getMerchant()).isEqualTo("Bakery");
        assertThat(transactions.get(0).getSource()).isEqualTo("import:statement.csv");
    }

    @Test
    void shouldRefuseDatesThatReadBothWaysNamingTheColumn() throws IOException {
        Path csv = file("Date,Description,Amount\n01/02/2024,Coffee,-3.50\n03/04/2024,Tea,-2.00\n");
        assertThatThrownBy(() -> parser.parse(csv, EUR))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("statement.csv")
                .hasMessageContaining("column 1 ('Date')")
                .hasMessageContaining("'01/02/2024' (line 2)")
                .hasMessageContaining("ambiguous");
    }

    @Test
    void shouldRefuseDatesThatContradictEachOther() throws IOException {
        Path csv = file("Date,Description,Amount\n13/02/2024,Coffee,-3.50\n03/14/2024,Tea,-2.00\n");
        assertThatThrownBy(() -> parser.parse(csv, EUR)).hasMessageContaining("contradict")
                .hasMessageContaining("'13/02/2024' (line 2)").hasMessageContaining("'03/14/2024' (line 3)");
    }

    @Test
    void shouldReportBadRowWithItsLineAndParseTheRest() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n2024-03-02,Broken,abc\n"
                + "2024-13-45,Bad date,-1.00\n2024-03-03,Tea,-2.00\n");
        ParseResult result = parser.parse(csv, EUR);
        assertThat(amounts(result)).containsExactly("-3.50", "-2.00");
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "column 3 ('Amount')", "invalid amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "column 1 ('Date')", "invalid date"));
    }

    @Test
    void shouldKeepIdenticalRowsDistinctAndIdsStableAcrossParses() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n2024-03-01,Coffee,-3.50\n");
        List<String> first = parser.parse(csv, EUR).transactions().stream().map(RawTransaction::getTransactionId).toList();
        List<String> again = parser.parse(csv, EUR).transactions().stream().map(RawTransaction::getTransactionId).toList();
        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
    }

    @Test
    void shouldNeverGiveIdenticalRowsOfTwoAccountsTheSameId() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n");
        String current = parser.parse(csv, EUR).transactions().getFirst().getTransactionId();
        String savings = parser.parse(csv, EUR.withAccount("acc-2")).transactions().getFirst().getTransactionId();
        assertThat(current).isNotEqualTo(savings);

        Path withIds = file("Date,Transaction ID,Description,Amount\n2024-03-01,TX-1,Coffee,-3.50\n");
        assertThat(parser.parse(withIds, EUR.withAccount("acc-2")).transactions().getFirst().getTransactionId())
                .as("a bank id is unique only within its account").isEqualTo("acc-2:TX-1");
    }

    @Test
    void shouldUseTheBanksTransactionIdColumnWhenPresent() throws IOException {
        Path csv = file("Date,Transaction ID,Description,Amount\n2024-03-01,TX-1,Coffee,-3.50\n2024-03-02,TX-2,Tea,-2\n");
        assertThat(parser.parse(csv, EUR).transactions()).extracting(RawTransaction::getTransactionId)
                .containsExactly("acc-1:TX-1", "acc-1:TX-2");
    }

    @Test
    void shouldRefuseWithoutCurrencyColumnOrOption() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n");
        assertThatThrownBy(() -> parser.parse(csv, new ImportOptions("alice", null, null)))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("--currency");
    }

    @Test
    void shouldSkipPreambleAndReadGermanSollHabenFlagWithThousands() throws IOException {
        Path csv = file("Kontoauszug;Girokonto\nZeitraum;01.03.2024 - 31.03.2024\n\n"
                + "Buchungstag;Verwendungszweck;Betrag;Soll/Haben;Währung\n"
                + "01.03.2024;Miete;1.250,00;S;EUR\n15.03.2024;Gehalt;3.100,55;H;EUR\n");
        ParseResult result = parser.parse(csv, new ImportOptions("alice", null, null));
        assertThat(amounts(result)).containsExactly("-1250.00", "3100.55");
        assertThat(result.transactions().getFirst().getBookedAt()).isEqualTo("2024-03-01");
        assertThat(result.transactions().getFirst().getDescription()).isEqualTo("Miete");
    }

    @Test
    void shouldReadDutchAfBijWithDecimalCommaAndNameAsMerchant() throws IOException {
        Path csv = file("\"Datum\",\"Naam / Omschrijving\",\"Af Bij\",\"Bedrag (EUR)\",\"Mededelingen\"\n"
                + "\"20240301\",\"Albert Heijn\",\"Af\",\"12,34\",\"Pinbetaling\"\n"
                + "\"20240302\",\"Werkgever BV\",\"Bij\",\"2500,00\",\"Salaris\"\n");
        ParseResult result = parser.parse(csv, EUR);
        assertThat(amounts(result)).containsExactly("-12.34", "2500.00");
        RawTransaction first = result.transactions().getFirst();
        assertThat(first.getBookedAt()).isEqualTo("2024-03-01");
        assertThat(first.getMerchant()).isEqualTo("Albert Heijn");
        assertThat(first.getDescription()).isEqualTo("Pinbetaling");
    }

    @Test
    void shouldReadAmountNotations() throws IOException {
        Path csv = file("Date,Description,Amount\n"
                + "2024-03-01,Swiss,-11'373.94\n2024-03-02,Spaced,\"1 234.50\"\n2024-03-03,Euro,€-7.10\n"
                + "2024-03-04,Venmo,- $21.59\n2024-03-05,Plus,+5.00\n2024-03-06,Paren,(85.00)\n"
                + "2024-03-07,Zero,0.00\n");
        assertThat(amounts(parser.parse(csv, EUR)))
                .containsExactly("-11373.94", "1234.50", "-7.10", "-21.59", "5.00", "-85.00", "0.00");
    }

    @Test
    void shouldReadDateNotations() throws IOException {
        Path csv = file("Date,Description,Amount\n27 Feb 2018,A,-1.00\n10-Nov-9,B,-1.00\n20180227,C,-1.00\n"
                + "2018-02-27T10:15:00+01:00,D,-1.00\n27.02.18,E,-1.00\n\"Feb 27, 2018\",F,-1.00\n");
        assertThat(parser.parse(csv, EUR).transactions()).extracting(RawTransaction::getBookedAt)
                .containsExactly("2018-02-27", "2009-11-10", "2018-02-27", "2018-02-27", "2018-02-27", "2018-02-27");
    }

    @Test
    void shouldSkipPendingBalanceAndFooterRowsAndCountThem() throws IOException {
        Path csv = file("Date,Description,Amount\nPending,Card hold,-9.99\n2024-03-01,Saldo Anterior,100.00\n"
                + "2024-03-02,Coffee,-3.50\n2024-03-03,Refund,0.00\nTotal,,\n");
        ParseResult result = parser.parse(csv, EUR);
        assertThat(amounts(result)).containsExactly("-3.50", "0.00");
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.PENDING, 1, RowKinds.BALANCE_OR_TOTAL, 1,
                RowKinds.NOT_A_TRANSACTION, 1));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void shouldReadWindows1252TextAndMultiLineQuotedFields() throws IOException {
        Path csv = file("Datum;Omschrijving;Bedrag\n01-03-2024;\"Café\nline two\";-3,50\n13-03-2024;Thé;-2,00\n",
                Charset.forName("windows-1252"));
        ParseResult result = parser.parse(csv, EUR);
        assertThat(result.transactions()).extracting(RawTransaction::getDescription)
                .containsExactly("Café line two", "Thé");
        assertThat(result.transactions()).extracting(RawTransaction::getBookedAt)
                .containsExactly("2024-03-01", "2024-03-13");
    }

    @Test
    void shouldRefuseWhenNoAmountColumnCanBeFound() throws IOException {
        Path csv = file("Date,Description,Reference\n2024-03-01,Coffee,A1\n");
        assertThatThrownBy(() -> parser.parse(csv, EUR)).isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no amount column").hasMessageContaining("[Date, Description, Reference]");
    }

    @Test
    void shouldRefuseUnsignedSingleAmountWithoutFlag() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,3.50\n2024-03-02,Tea,2.00\n");
        assertThatThrownBy(() -> parser.parse(csv, EUR)).hasMessageContaining("column 3 ('Amount')")
                .hasMessageContaining("money out from money in");
    }

    @Test
    void shouldReportAmountsThatDoNotFitTheStatedDecimalSeparator() throws IOException {
        Path csv = file("Date;Description;Amount\n2024-03-01;Coffee;-3,50\n2024-03-02;Tea;-1,234.56\n"
                + "2024-03-03;Cake;-1.234,56\n");
        ParseResult result = parser.parse(csv, EUR.withCsv(new CsvMapping(null, Map.of("decimal-separator", ","))));
        assertThat(amounts(result)).containsExactly("-3.50", "-1234.56");
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "invalid amount"));

        Path points = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n2024-03-02,Tea,\"-12,5\"\n");
        assertThatThrownBy(() -> parser.parse(points, EUR)).hasMessageContaining("mix decimal separators")
                .hasMessageContaining("pass --csv decimal-separator=. or --csv decimal-separator=,");
        assertThat(parser.parse(points, EUR.withCsv(new CsvMapping(null, Map.of("decimal-separator", ".")))).problems())
                .extracting(ImportProblem::line, ImportProblem::reason)
                .as("12,5 under a decimal point is no amount, not 125")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "invalid amount"));
    }

    @Test
    void shouldSkipRowsWhoseStatusSaysPending() throws IOException {
        Path csv = file("Buchungstag;Verwendungszweck;Betrag;Info\n01.03.2024;Miete;-1.250,00;Umsatz gebucht\n"
                + "02.03.2024;Karte;-9,99;Umsatz vorgemerkt\n");
        ParseResult result = parser.parse(csv, EUR);
        assertThat(amounts(result)).containsExactly("-1250.00");
        assertThat(result.transactions().getFirst().getDescription()).isEqualTo("Miete");
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.PENDING, 1));
    }

    @Test
    void shouldTakeCurrencyFromColumnPerRow() throws IOException {
        Path csv = file("Date,Description,Amount,Currency\n2024-03-01,Coffee,-3.50,usd\n2024-03-02,Tea,-2.00,GBP\n");
        assertThat(parser.parse(csv, new ImportOptions("alice", null, null)).transactions())
                .extracting(RawTransaction::getCurrency).containsExactly("USD", "GBP");
    }

    @Test
    @DisplayName("a cell of thousands of signs is text, read in linear time (it took minutes)")
    void shouldNotPeelALongRunOfSignsOffACellOneByOne() throws IOException {
        Path csv = file("Date,Description,Amount\n2024-03-01,Coffee,-3.50\n2024-03-02,Dashes," + "-".repeat(40_000)
                + "1.00\n2024-03-03,Tea,-2.00\n");

        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(csv, EUR));

        assertThat(amounts(result)).containsExactly("-3.50", "-2.00");
        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "invalid amount"));
    }
}
