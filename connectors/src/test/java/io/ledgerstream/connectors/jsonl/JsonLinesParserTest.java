package io.ledgerstream.connectors.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesParserTest {

    private static final String GOOD = """
            {"transactionId":"t-1","userId":"alice","accountId":"acc-1","bookedAt":"2026-03-04","amount":"-12.34","currency":"EUR","description":"CARD 1234 TESCO STORES 3297","merchant":"Tesco","mcc":"5411"}
            {"transactionId":"t-2","userId":"alice","bookedAt":"2026-03-05","amount":"2500.00","currency":"eur","description":"ACME GMBH SALARY"}
            """;

    @TempDir
    Path dir;

    private final JsonLinesParser parser = new JsonLinesParser();

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldParseCanonicalLinesIntoRawTransactions() throws IOException {
        ParseResult result = parser.parse(file("statement.jsonl", GOOD), ImportOptions.forUser("alice"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(2);
        RawTransaction first = result.transactions().get(0);
        assertThat(first.getTransactionId()).isEqualTo("t-1");
        assertThat(first.getUserId()).isEqualTo("alice");
        assertThat(first.getAccountId()).isEqualTo("acc-1");
        assertThat(first.getBookedAt()).isEqualTo("2026-03-04");
        assertThat(first.getAmount()).isEqualTo("-12.34");
        assertThat(first.getCurrency()).isEqualTo("EUR");
        assertThat(first.getDescription()).isEqualTo("CARD 1234 TESCO STORES 3297");
        assertThat(first.getMerchant()).isEqualTo("Tesco");
        assertThat(first.getMcc()).isEqualTo("5411");
        assertThat(first.getRemoved()).isFalse();
        assertThat(first.getSource()).isEqualTo("import:statement.jsonl");
        RawTransaction second = result.transactions().get(1);
        assertThat(second.getCurrency()).isEqualTo("EUR");
        assertThat(second.getMerchant()).isNull();
        assertThat(second.getMcc()).isNull();
    }

    @Test
    void shouldApplyUserAndAccountOptionsToLinesThatNameNone() throws IOException {
        Path file = file("s.jsonl", """
                {"bookedAt":"2026-03-04","amount":"-3.50","currency":"EUR","description":"COFFEE"}
                {"accountId":"own","bookedAt":"2026-03-04","amount":"-3.50","currency":"EUR","removed":true}
                """);

        ParseResult result = parser.parse(file, new ImportOptions("bob", "acc-9"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).extracting(RawTransaction::getUserId).containsOnly("bob");
        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsExactly("acc-9", "own");
        assertThat(result.transactions()).extracting(RawTransaction::getRemoved).containsExactly(false, true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON           | {"bookedAt":"2026-03-04","amount":"-1.00"                                  | not JSON
            missing bookedAt   | {"amount":"-1.00","currency":"EUR"}                                          | bookedAt: missing
            missing amount     | {"bookedAt":"2026-03-04","currency":"EUR"}                                   | amount: missing
            missing currency   | {"bookedAt":"2026-03-04","amount":"-1.00"}                                   | currency: missing
            comma amount       | {"bookedAt":"2026-03-04","amount":"-1,00","currency":"EUR"}                  | amount: unparseable amount
            exponent amount    | {"bookedAt":"2026-03-04","amount":1.5e2,"currency":"EUR"}                    | amount: unparseable amount
            impossible date    | {"bookedAt":"2026-02-30","amount":"-1.00","currency":"EUR"}                  | bookedAt: invalid date
            day-first date     | {"bookedAt":"04.03.2026","amount":"-1.00","currency":"EUR"}                  | bookedAt: invalid date
            unknown currency   | {"bookedAt":"2026-03-04","amount":"-1.00","currency":"EUX"}                  | currency: unknown currency
            removed not a flag | {"bookedAt":"2026-03-04","amount":"-1.00","currency":"EUR","removed":"yes"}  | removed: not a boolean
            mcc not 4 digits   | {"bookedAt":"2026-03-04","amount":"-1.00","currency":"EUR","mcc":"54"}       | mcc: invalid mcc
            """)
    void shouldReportABadLineWithItsNumberAndFieldAndParseTheRest(String name, String badLine, String kind)
            throws IOException {
        String good = "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-2.00\",\"currency\":\"EUR\"}\n";
        Path file = file("bad.jsonl", good + badLine.strip() + "\n" + good);

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).hasSize(2);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bad.jsonl");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.toString()).startsWith("bad.jsonl:2: " + kind);
        });
    }

    @Test
    void shouldReportEveryBadFieldOfALineAndCountTheLineOnce() throws IOException {
        Path file = file("s.jsonl", "{\"bookedAt\":\"2026-13-01\",\"amount\":\"x\",\"currency\":\"EUR\"}\n");

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.problems()).extracting(ImportProblem::kind)
                .containsExactly("bookedAt: invalid date", "amount: unparseable amount");
        assertThat(result.transactions()).isEmpty();
    }

    @Test
    void shouldParseAnAmountGivenAsAJsonNumberExactlyFromItsText() throws IOException {
        Path file = file("n.jsonl", """
                {"bookedAt":"2026-03-04","amount":0.1,"currency":"EUR"}
                {"bookedAt":"2026-03-04","amount":-1234567890123.10,"currency":"EUR"}
                {"bookedAt":"2026-03-04","amount":-7,"currency":"JPY"}
                """);

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).extracting(RawTransaction::getAmount)
                .containsExactly("0.1", "-1234567890123.10", "-7");
    }

    @Test
    void shouldGiveStableHashIdsAcrossParsesAndDistinctIdsToIdenticalLines() throws IOException {
        String coffee = "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-3.50\",\"currency\":\"EUR\",\"description\":\"CAFE\"}\n";
        Path file = file("coffees.jsonl", coffee + coffee
                + "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-4.00\",\"currency\":\"EUR\",\"description\":\"CAFE\"}\n");

        ParseResult first = parser.parse(file, ImportOptions.forUser("alice"));
        ParseResult second = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(first.transactions()).extracting(RawTransaction::getTransactionId)
                .allSatisfy(id -> assertThat(id).startsWith("h-"))
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(second.transactions().stream().map(RawTransaction::getTransactionId).toList());
    }

    @Test
    void shouldRefuseALineOfAnotherUserWhenImportingForOne() throws IOException {
        Path file = file("s.jsonl", """
                {"userId":"alice","bookedAt":"2026-03-04","amount":"-1.00","currency":"EUR"}
                {"userId":"mallory","bookedAt":"2026-03-04","amount":"-1.00","currency":"EUR"}
                """);

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).singleElement().extracting(RawTransaction::getUserId).isEqualTo("alice");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.kind()).isEqualTo("userId: user mismatch");
            assertThat(problem.detail()).contains("mallory");
        });
    }

    @Test
    @DisplayName("without --user every line must name its user")
    void shouldRequireAUserIdWhenNoneIsGiven() throws IOException {
        Path file = file("s.jsonl", "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");

        ParseResult result = parser.parse(file, new ImportOptions(null, null));

        assertThat(result.problems()).extracting(ImportProblem::kind).containsExactly("userId: missing");
    }

    @Test
    void shouldIgnoreBlankLinesAndAByteOrderMarkButKeepLineNumbers() throws IOException {
        Path file = file("s.jsonl", "\uFEFF{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n\n  \n"
                + "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\"}\n");

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(result.transactions()).hasSize(1);
        assertThat(result.problems()).singleElement().extracting(ImportProblem::line).isEqualTo(4);
    }

    @Test
    @DisplayName("a file that is not UTF-8 is refused, as no JSON Lines statement, rather than unreadable")
    void shouldRefuseAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(dir.resolve("s.jsonl"), new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessage("s.jsonl is not UTF-8 text");
    }
}
