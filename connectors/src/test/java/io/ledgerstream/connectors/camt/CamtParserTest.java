package io.ledgerstream.connectors.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of the camt.053 parser on small hand-written messages. */
class CamtParserTest {

    @TempDir
    Path dir;

    private final CamtParser parser = new CamtParser();

    /** A camt.053.001.02 message with one statement holding {@code entries}; the first entry starts on line 9. */
    private Path statement(String entries) throws IOException {
        return message("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", "BkToCstmrStmt", "Stmt", "<Ccy>EUR</Ccy>", entries);
    }

    private Path message(String namespace, String messageElement, String statementElement, String accountExtra,
                         String entries) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"" + namespace + "\">\n"
                + "<" + messageElement + ">\n"
                + "<GrpHdr><MsgId>M1</MsgId></GrpHdr>\n"
                + "<" + statementElement + ">\n"
                + "<Id>S1</Id>\n"
                + "<Acct><Id><IBAN>DE02100100100006820101</IBAN></Id>" + accountExtra + "</Acct>\n"
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>\n"
                + entries
                + "</" + statementElement + ">\n"
                + "</" + messageElement + ">\n"
                + "</Document>\n";
        return Files.writeString(dir.resolve("statement.xml"), xml, StandardCharsets.UTF_8);
    }

    private static String entry(String amount, String indicator, String status, String extra) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + indicator + "</CdtDbtInd><Sts>" + status
                + "</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt>" + extra + "</Ntry>\n";
    }

    private static String coffee() {
        return entry("3.50", "DBIT", "BOOK", "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Cafe Roma</Nm></Cdtr></RltdPties>"
                + "<RmtInf><Ustrd>CARD 1234 COFFEE</Ustrd></RmtInf></TxDtls></NtryDtls>");
    }

    @Test
    void shouldSkipAndCountPendingAndInformationEntries() throws IOException {
        Path file = statement(entry("1.00", "DBIT", "PDNG", "") + entry("2.00", "DBIT", "INFO", "")
                + entry("3.00", "DBIT", "PDNG", "") + entry("4.00", "CRDT", "BOOK", "<AcctSvcrRef>R4</AcctSvcrRef>"));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("4.00");
        assertThat(result.skipped()).isEqualTo(Map.of("pending entry (PDNG)", 2, "information-only entry (INFO)", 1));
    }

    @Test
    void shouldReadNestedStatusCodeOfLaterVersions() throws IOException {
        Path file = message("urn:iso:std:iso:20022:tech:xsd:camt.053.001.10", "BkToCstmrStmt", "Stmt", "",
                "<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                        + "<ValDt><Dt>2026-03-05</Dt></ValDt></Ntry>\n"
                        + "<Ntry><Amt Ccy=\"EUR\">6.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>"
                        + "<BookgDt><Dt>2026-03-06</Dt></BookgDt></Ntry>\n");

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getAmount()).isEqualTo("-5.00");
            assertThat(t.getBookedAt()).as("value date when no booking date").isEqualTo("2026-03-05");
        });
        assertThat(result.skipped()).containsEntry("pending entry (PDNG)", 1);
    }

    @Test
    void shouldReportBadEntryWithItsLineAndFieldWhileTheRestParse() throws IOException {
        // entries are on lines 9, 10, 11
        Path file = statement(coffee() + entry("12,50", "DBIT", "BOOK", "") + entry("7.00", "CRDT", "BOOK", ""));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("-3.50", "7.00");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.field()).isEqualTo("Amt");
            assertThat(problem.reason()).isEqualTo("unparseable amount");
            assertThat(problem.detail()).contains("12,50");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no indicator     | <Ntry><Amt Ccy="EUR">1.00</Amt><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>                                  | CdtDbtInd: missing
            bad indicator    | <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DR</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>         | CdtDbtInd: invalid indicator
            no date          | <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>                                             | BookgDt: missing
            bad date         | <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>04.03.2026</Dt></BookgDt></Ntry>       | BookgDt: invalid date
            bad currency     | <Ntry><Amt Ccy="EUX">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>       | currency: unknown currency
            signed amount    | <Ntry><Amt Ccy="EUR">-1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>      | Amt: unparseable amount
            unknown status   | <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>DONE</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>       | Sts: unknown status
            """)
    void shouldReportEntryProblemByField(String name, String entryXml, String kind) throws IOException {
        ParseResult result = parser.parse(statement(entryXml + "\n"), ImportOptions.forUser("alice"));

        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).extracting(ImportProblem::kind).containsExactly(kind);
        assertThat(result.problems()).extracting(ImportProblem::line).containsOnly(9);
    }

    @Test
    void shouldReportFiveSignificantDecimalsInsteadOfRounding() throws IOException {
        Path file = statement(entry("8.85001", "DBIT", "BOOK", "") + entry("8.850000", "DBIT", "BOOK", ""));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo("Amt: too many decimals");
            assertThat(problem.detail()).contains("'8.85001'").contains("not rounded");
        });
        // trailing zeros are not precision: the amount stays exactly as written
        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("-8.850000");
    }

    @Test
    void shouldKeepZeroAmountEntriesUnsigned() throws IOException {
        ParseResult result = parser.parse(statement(entry("0.00", "DBIT", "BOOK", "")), ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getAmount).containsExactly("0.00");
    }

    @Test
    void shouldKeepIdenticalEntriesWithoutBankIdAsDistinctTransactions() throws IOException {
        ParseResult result = parser.parse(statement(coffee() + coffee()), ImportOptions.forUser("alice"));

        assertThat(result.transactions()).hasSize(2);
        assertThat(result.transactions()).extracting(RawTransaction::getDescription)
                .containsOnly("CARD 1234 COFFEE Cafe Roma");
        assertThat(result.transactions()).extracting(RawTransaction::getMerchant).containsOnly("Cafe Roma");
        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId)
                .allMatch(id -> id.startsWith(ContentHashIds.PREFIX)).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveTheSameIdsWhenTheFileIsParsedAgain() throws IOException {
        Path file = statement(coffee() + coffee() + entry("9.00", "CRDT", "BOOK", "<AcctSvcrRef>BANK-1</AcctSvcrRef>"));

        ParseResult first = parser.parse(file, ImportOptions.forUser("alice"));
        ParseResult again = new CamtParser().parse(file, ImportOptions.forUser("alice"));

        assertThat(again.transactions()).extracting(RawTransaction::getTransactionId)
                .containsExactlyElementsOf(first.transactions().stream().map(RawTransaction::getTransactionId).toList())
                .endsWith("BANK-1");
    }

    @Test
    void shouldFallBackFromEntryReferenceToDetailReferenceAndHashRepeatedReferences() throws IOException {
        Path file = statement(
                entry("1.00", "DBIT", "BOOK", "<NtryRef>RUN-7</NtryRef>")
                        + entry("2.00", "DBIT", "BOOK", "<NtryRef>RUN-7</NtryRef>")
                        + entry("3.00", "DBIT", "BOOK", "<NtryRef>ONLY-ONCE</NtryRef>")
                        + entry("4.00", "DBIT", "BOOK",
                        "<NtryDtls><TxDtls><Refs><AcctSvcrRef>DETAIL-REF</AcctSvcrRef></Refs></TxDtls></NtryDtls>"));

        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));

        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId).satisfies(ids -> {
            assertThat(ids.get(0)).startsWith(ContentHashIds.PREFIX);   // RUN-7 names two entries: not an id
            assertThat(ids.get(1)).startsWith(ContentHashIds.PREFIX).isNotEqualTo(ids.get(0));
            assertThat(ids.get(2)).isEqualTo("ONLY-ONCE");
            assertThat(ids.get(3)).isEqualTo("DETAIL-REF");
        });
    }

    @Test
    void shouldTakeCounterpartyOfOriginalPaymentForAReversal() throws IOException {
        // a returned debit: booked CRDT, RvslInd true; the parties are those of the original transfer
        Path file = statement(entry("25.00", "CRDT", "BOOK", "<NtryDtls><TxDtls><RltdPties>"
                + "<Dbtr><Nm>Me Myself</Nm></Dbtr><Cdtr><Nm>Landlord Ltd</Nm></Cdtr></RltdPties>"
                + "</TxDtls></NtryDtls><AddtlNtryInf>RETURN AC04</AddtlNtryInf>").replace("<Sts>", "<RvslInd>true</RvslInd><Sts>"));

        RawTransaction t = parser.parse(file, ImportOptions.forUser("alice")).transactions().get(0);

        assertThat(t.getAmount()).as("sign from CdtDbtInd: money comes back").isEqualTo("25.00");
        assertThat(t.getMerchant()).isEqualTo("Landlord Ltd");
        assertThat(t.getDescription()).isEqualTo("Landlord Ltd RETURN AC04");
    }

    @Test
    void shouldMentionForeignInstructedAmountButBookTheEntryAmount() throws IOException {
        Path file = statement(entry("92.10", "DBIT", "BOOK", "<NtryDtls><TxDtls><AmtDtls><InstdAmt>"
                + "<Amt Ccy=\"USD\">100.00</Amt></InstdAmt></AmtDtls><RltdPties><Cdtr><Nm>Shop Inc</Nm></Cdtr>"
                + "</RltdPties></TxDtls></NtryDtls>"));

        RawTransaction t = parser.parse(file, ImportOptions.forUser("alice")).transactions().get(0);

        assertThat(t.getAmount()).isEqualTo("-92.10");
        assertThat(t.getCurrency()).isEqualTo("EUR");
        assertThat(t.getDescription()).isEqualTo("Shop Inc (instructed 100.00 USD)");
    }

    @Test
    void shouldTakeAccountFromOptionsAndCurrencyFromAccountWhenTheEntryHasNone() throws IOException {
        Path file = message("urn:iso:std:iso:20022:tech:xsd:camt.053.001.04", "BkToCstmrStmt", "Stmt", "<Ccy>CHF</Ccy>",
                "<Ntry><Amt>5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>\n");

        RawTransaction t = parser.parse(file, ImportOptions.forUser("alice")).transactions().get(0);

        assertThat(t.getCurrency()).isEqualTo("CHF");
        assertThat(t.getAccountId()).isEqualTo("DE02100100100006820101");
    }

    @Test
    void shouldRefuseAnEntryWithoutAnyCurrencyUnlessGivenOne() throws IOException {
        Path file = message("urn:iso:std:iso:20022:tech:xsd:camt.053.001.04", "BkToCstmrStmt", "Stmt", "",
                "<Ntry><Amt>5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt></Ntry>\n");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("--currency");
        assertThat(parser.parse(file, ImportOptions.forUser("alice").withCurrency("gbp")).transactions())
                .extracting(RawTransaction::getCurrency).containsExactly("GBP");
    }

    @Test
    void shouldAcceptAStatementWithoutEntries() throws IOException {
        ParseResult result = parser.parse(statement(""), ImportOptions.forUser("alice"));

        assertThat(result.rowsRead()).isZero();
        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            camt.052 interim report | urn:iso:std:iso:20022:tech:xsd:camt.052.001.08 | BkToCstmrAcctRpt      | Rpt    | camt.052.001.08
            camt.054 notification   | urn:iso:std:iso:20022:tech:xsd:camt.054.001.02 | BkToCstmrDbtCdtNtfctn | Ntfctn | camt.054.001.02
            pain.001 initiation     | urn:iso:std:iso:20022:tech:xsd:pain.001.001.03 | CstmrCdtTrfInitn      | PmtInf | pain.001.001.03
            camt.052 no namespace   | ''                                              | BkToCstmrAcctRpt      | Rpt    | camt.052
            """)
    void shouldRefuseOtherIso20022MessagesNamingTheirType(String name, String namespace, String messageElement,
                                                          String statementElement, String type) throws IOException {
        Path file = message(namespace, messageElement, statementElement, "", entry("1.00", "DBIT", "BOOK", ""));

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining(type)
                .hasMessageContaining("only camt.053");
    }

    @Test
    void shouldRefuseXmlThatIsNoIso20022Message() throws IOException {
        Path file = Files.writeString(dir.resolve("rates.xml"), "<gesmes:Envelope xmlns:gesmes=\"x\"/>");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("not an ISO 20022 message");
    }

    @Test
    void shouldRefuseMalformedXmlWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.camt"), "<Document>\n<BkToCstmrStmt>\n</Document>\n");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("not well-formed XML (line 3)");
    }

    @Test
    void shouldNotResolveExternalEntities() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path file = Files.writeString(dir.resolve("xxe.camt"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE Document [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
                + "<Acct><Ccy>EUR</Ccy></Acct><Ntry><Amt>1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>2026-03-04</Dt></BookgDt><AddtlNtryInf>&x;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>");

        assertThatThrownBy(() -> parser.parse(file, ImportOptions.forUser("alice")))
                .isInstanceOf(StatementRefusedException.class);
    }
}
