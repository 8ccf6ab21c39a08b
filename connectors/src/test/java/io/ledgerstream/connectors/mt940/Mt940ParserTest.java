package io.ledgerstream.connectors.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mt940ParserTest {

    private static final String HEADER = ":20:STMT1\n:25:NL00BANK0123456789\n:28C:1/1\n:60F:C251230EUR100,00\n";

    @TempDir
    Path dir;

    private final Mt940Parser parser = new Mt940Parser();

    private ParseResult parse(String text) throws IOException {
        return parser.parse(Files.writeString(dir.resolve("statement.sta"), text, StandardCharsets.UTF_8),
                Samples.ALICE);
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameFileIsParsedAgain() throws IOException {
        for (String sample : new String[] {"mt940__abnamro.sta", "mt940__sepa_mt9401.sta", "mt940__knab.sta"}) {
            assertThat(Samples.ids(Samples.parse(sample))).isEqualTo(Samples.ids(Samples.parse(sample)));
        }
    }

    @Test
    void shouldKeepIdenticalRowsAsTwoTransactions() throws IOException {
        String row = ":61:2512301230D3,50NTRFNONREF\n:86:COFFEE BAR\n";
        ParseResult result = parse(HEADER + row + row + ":62F:C251230EUR93,00\n-\n");

        assertThat(result.transactions()).hasSize(2);
        assertThat(Samples.amounts(result)).containsExactly("-3.50", "-3.50");
        assertThat(Samples.ids(result)).doesNotHaveDuplicates().allMatch(id -> id.startsWith("h-"));
    }

    @Test
    void shouldUseUniqueBankReferenceAsIdAndHashRepeatedOne() throws IOException {
        ParseResult result = parse(HEADER
                + ":61:2512301230C1,00NTRFNONREF//BANK-1\n:86:A\n"
                + ":61:2512301230C2,00NTRFNONREF//SAME\n:86:B\n"
                + ":61:2512301230C3,00NTRFNONREF//SAME\n:86:C\n-\n");

        assertThat(Samples.ids(result).get(0)).isEqualTo("BANK-1");
        assertThat(Samples.ids(result).subList(1, 3)).allMatch(id -> id.startsWith("h-")).doesNotHaveDuplicates();
    }

    @Test
    void shouldReportBadRowWithItsLineAndParseTheRest() throws IOException {
        ParseResult result = parse(HEADER
                + ":61:2512301230C1,00NTRFNONREF\n:86:GOOD ONE\n"
                + ":61:2513301230C2,00NTRFNONREF\n:86:BAD MONTH\n"
                + ":61:25123X1230C2,00NTRFNONREF\n"
                + ":61:2512301230D4,00NTRFNONREF\n:86:GOOD TWO\n-\n");

        assertThat(Samples.descriptions(result)).containsExactly("GOOD ONE", "GOOD TWO");
        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(7, 9);
        assertThat(result.problems()).extracting(ImportProblem::field).containsExactly("valueDate", ":61:");
        assertThat(result.problems().get(0).detail()).contains("251330");
    }

    @Test
    void shouldTakeEntryDateAcrossYearEndAndReversalSigns() throws IOException {
        ParseResult result = parse(HEADER
                + ":61:2512310102C10,00NTRFNONREF\n:86:NEXT YEAR\n"
                + ":61:2601011231D5,00NTRFNONREF\n:86:YEAR BEFORE\n"
                + ":61:251230RC7,00NTRFNONREF\n:86:REVERSED CREDIT\n"
                + ":61:251230RD8,00NTRFNONREF\n:86:REVERSED DEBIT\n"
                + ":61:251230C0,00NTRFNONREF\n:86:ZERO\n-\n");

        assertThat(Samples.dates(result)).containsExactly("2026-01-02", "2025-12-31", "2025-12-30", "2025-12-30",
                "2025-12-30");
        assertThat(Samples.amounts(result)).containsExactly("10.00", "-5.00", "-7.00", "8.00", "0.00");
    }

    @Test
    void shouldParseAnEmptyStatementAsNoRows() throws IOException {
        ParseResult result = parse(HEADER + ":62F:C251230EUR100,00\n-\n");

        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void shouldTakeCurrencyFromTheFileOverTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("s.sta"), HEADER + ":61:2512301230C1,00NTRFNONREF\n-\n");
        RawTransaction row = parser.parse(file, Samples.ALICE.withCurrency("USD")).transactions().get(0);
        assertThat(row.getCurrency()).isEqualTo("EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mt940__abnamro.sta", "mt940__ing.sta", "mt940__rabobank-iban.sta",
            "mt940__0708271685_09022020_164516.940.txt", "cmxl__mt940-windows-line-breaks.txt",
            "cmxl__mt940-handelsbank.txt", "mt940__mBank_mt940.sta", "mt940__sepa_mt9401.sta"})
    void shouldRecognizeMt940Samples(String sample) throws IOException {
        String head = Files.readString(Samples.path(sample), StandardCharsets.UTF_8);
        assertThat(Mt940Parser.FORMAT.recognizes().test(head.substring(0, Math.min(4096, head.length())))).isTrue();
    }

    @Test
    void shouldNotRecognizeOtherFormats() {
        assertThat(Mt940Parser.FORMAT.recognizes().test("{\"transactionId\":\"t-1\",\"note\":\":20: :61:\"}")).isFalse();
        assertThat(JsonLinesParser.FORMAT.recognizes().test(HEADER)).isFalse();
        assertThat(Mt940Parser.FORMAT.recognizes().test("OFXHEADER:100\nDATA:OFXSGML\n<OFX>")).isFalse();
        assertThat(Mt940Parser.FORMAT.recognizes().test("Date;Amount;Text\n01.02.2020;-1,00;:20: x\n")).isFalse();
        assertThat(Mt940Parser.FORMAT.recognizes().test("!Type:Bank\nD01/02/2020\nT-1.00\n^\n")).isFalse();
    }

    @Test
    void shouldMatchItsExtensions() {
        assertThat(Mt940Parser.FORMAT.name()).isEqualTo("mt940");
        assertThat(Mt940Parser.FORMAT.matchesExtension("x.STA")).isTrue();
        assertThat(Mt940Parser.FORMAT.matchesExtension("x.940")).isTrue();
        assertThat(Mt940Parser.FORMAT.matchesExtension("x.mt940")).isTrue();
        assertThat(Mt940Parser.FORMAT.matchesExtension("x.txt")).isFalse();
    }
}
